import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // Next.js resolves "server-only" to nothing on the server; outside Next it would throw.
  "server-only": path.resolve(import.meta.dirname, "src/test/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/lib/**/*.test.ts", "src/server/**/*.unit.test.ts", "src/test/**/*.unit.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["src/server/**/*.int.test.ts", "src/test/**/*.int.test.ts"],
          environment: "node",
          // next-auth imports "next/server" without an extension, which only a
          // bundler resolves: let Vite load it (the Auth.js session route test).
          server: { deps: { inline: ["next-auth"] } },
          // Each file migrates its own database; PGlite start-up is the slow part.
          // Data-source credentials are sealed under a key derived from AUTH_SECRET (services/integrations/secrets.ts).
          env: { AUTH_SECRET: process.env.AUTH_SECRET ?? "integration-tests-only-auth-secret-0123456789" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // In CI one retry, as Playwright has: a rare failure on a busy machine (once in about
          // three runs, untraced then) should not sink the run; a real fault fails twice, and
          // .ci/summarize.mjs names it.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
