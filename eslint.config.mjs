// ESLint (flat config): typescript-eslint's recommended rules, Next.js's rules (core web vitals, React
// hooks, jsx-a11y), and the layer table of the README's "How the code is laid out" as import
// boundaries (import/no-restricted-paths, from eslint-plugin-import, which eslint-config-next already
// registers with a resolver that knows the "@/" paths of tsconfig.json).
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

const folders = (dir) =>
  readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** src/components/ folders every component may use; every other folder is a domain. */
const SHARED_COMPONENTS = ["ui", "forms"];
const componentDomains = folders("./src/components/").filter((name) => !SHARED_COMPONENTS.includes(name));

/**
 * Which services domains may read which others (their exported functions; the kernel is open to all).
 * The graph has no cycle: home/ and demo/ compose the others, the 1:1 prep reads people, targets and
 * delegation, and the rest stand alone. A new edge is a design decision: add it here, not a disable.
 */
const SERVICE_READS = {
  kernel: [],
  // An account is made with its organisation (members); its import rebuilds the chart (people) and re-judges the targets' stored health.
  account: ["delegation", "members", "people", "targets"],
  // An organisation is made with its default delegation spectrum (no read ever writes it).
  members: ["delegation", "people", "account"],
  people: [],
  // The write services tell the inbox what happened (inbox/notify.write.ts), in the write's transaction.
  targets: ["inbox"],
  delegation: ["inbox"],
  capacity: [],
  "one-on-ones": ["people", "targets", "delegation", "inbox"],
  inbox: [],
  // Pulled values are check-ins on targets' metrics.
  integrations: ["targets"],
  home: ["capacity", "one-on-ones", "delegation", "targets", "people", "handovers", "integrations"],
  // The hand-over page reads the person's history with the other domains' reads (through the same policies).
  handovers: ["people", "targets", "one-on-ones"],
  demo: ["account", "people", "targets", "delegation", "one-on-ones", "capacity", "members"],
};
const serviceDomains = folders("./src/server/services/");

/** A zone: files under `target` may not import anything under `from`, but for `except` (relative to `from`). */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

const layerZones = [
  // src/lib: pure, client-safe code. Nothing of the server, the UI or the routes.
  zone(
    "./src/lib",
    ["./src/server", "./src/app", "./src/components", "./src/trpc", "./src/test"],
    "src/lib is pure and client-safe: it imports only src/lib.",
  ),

  // src/server/db: schema, factory, migrator. Only lib below it.
  zone(
    "./src/server/db",
    ["./src/server/services", "./src/server/api", "./src/server/auth", "./src/server/http", "./src/app", "./src/components", "./src/trpc"],
    "src/server/db imports only src/lib.",
  ),

  // src/server/services: domain logic over db and lib; never the transport above it.
  zone(
    "./src/server/services",
    ["./src/server/api", "./src/server/auth", "./src/server/http", "./src/app", "./src/components", "./src/trpc"],
    "Services take (db, actor, input): they import db, lib and other services only (see SERVICE_READS).",
  ),
  ...serviceDomains.map((domain) =>
    zone(
      `./src/server/services/${domain}`,
      "./src/server/services",
      `services/${domain} may import the kernel, its own folder${SERVICE_READS[domain]?.length ? ` and ${SERVICE_READS[domain].join(", ")}` : ""} (SERVICE_READS in eslint.config.mjs).`,
      [...new Set(["kernel", domain, ...(SERVICE_READS[domain] ?? [])])].map((name) => `./${name}`),
    ),
  ),

  // src/server/auth: Auth.js wiring and the auth server actions, over services, db and lib.
  zone(
    "./src/server/auth",
    ["./src/server/api", "./src/app", "./src/components", "./src/trpc"],
    "src/server/auth imports services, db and lib.",
  ),

  // src/server/api: tRPC init, routers, REST handlers; over services, auth, db (context), http and lib.
  zone("./src/server/api", ["./src/app", "./src/components", "./src/trpc"], "src/server/api imports services, auth, db, http and lib."),

  // src/server/http: response headers, over lib.
  zone(
    "./src/server/http",
    ["./src/server/services", "./src/server/api", "./src/server/auth", "./src/server/db", "./src/app", "./src/components", "./src/trpc"],
    "src/server/http imports only src/lib.",
  ),

  // src/trpc: client wiring and the server-side caller; over server/api (types, caller) and auth.
  zone(
    "./src/trpc",
    ["./src/server/services", "./src/server/db", "./src/server/http", "./src/app", "./src/components"],
    "src/trpc imports server/api (router types and the caller), server/auth (the session) and lib.",
  ),

  // src/components: UI. Data through the tRPC client hooks only; never the server or the routes.
  zone(
    "./src/components",
    ["./src/server", "./src/app", "./src/test", "./src/trpc/server.tsx"],
    "Components reach the server through the tRPC hooks (src/trpc/react) or through props from a page; server actions come as props.",
  ),
  // components/ui: primitives; components/forms: the form recipe over ui. Neither knows a domain.
  zone("./src/components/ui", "./src/components", "components/ui imports only itself and src/lib.", ["./ui"]),
  zone("./src/components/forms", "./src/components", "components/forms imports only ui, itself and src/lib.", ["./ui", "./forms"]),
  // A domain folder imports ui, forms, itself, and another domain only through that domain's index.ts.
  ...componentDomains.map((domain) =>
    zone(
      `./src/components/${domain}`,
      "./src/components",
      `components/${domain} may import ui, forms, its own folder, and another domain folder only through its index.ts.`,
      [
        ...SHARED_COMPONENTS.map((name) => `./${name}`),
        `./${domain}`,
        ...componentDomains.filter((other) => other !== domain).flatMap((other) => [`./${other}/index.ts`, `./${other}/index.tsx`]),
      ],
    ),
  ),
];

/** Pages, layouts and the other route files: services and the database only through tRPC or a handler. */
const pageZones = [
  zone(
    "./src/app",
    ["./src/server/services", "./src/server/db", "./src/test"],
    "Pages and layouts reach data through the tRPC caller (src/trpc/server) or src/server/auth; only route handlers (route.ts) call services or the database.",
  ),
];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "drizzle/meta/**",
      ".data/**",
      ".test-data/**",
      "test-results/**",
      "playwright-report/**",
      "bench/out/**",
      ".ci/out/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    rules: {
      // An underscore marks an argument kept for its position (route handlers' `_request`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    // React Compiler rules new in eslint-plugin-react-hooks 7. They flag working patterns of this code
    // (a form synced from a loaded query in an effect, a ref read for a field array's keys); rewriting
    // them is a behaviour change to make deliberately, so they warn rather than fail the lint.
    rules: {
      "react-hooks/set-state-in-effect": "warn",
      "react-hooks/refs": "warn",
    },
  },
  {
    // Tests are not React: useTestDatabase() (src/test/database.ts) is a vitest fixture named like a hook.
    files: ["**/*.test.ts", "src/test/**/*.ts", "e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The input sanitisers of src/lib match control characters on purpose (text, emails, URLs).
    files: ["src/lib/**/*.ts"],
    rules: { "no-control-regex": "off" },
  },
  {
    // TypeScript itself reports undefined names (with the DOM and Node types); ESLint's no-undef
    // does not know them. typescript-eslint recommends turning it off for TS files.
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
  {
    // The layer table. Tests are left out: they drive the app through its top (the tRPC caller, the
    // route handlers) from inside any folder, and src/test holds harnesses that reach every layer.
    files: ["src/**/*.{ts,tsx,mjs}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "src/test/**"],
    rules: { "import/no-restricted-paths": ["error", { zones: layerZones }] },
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    ignores: ["src/app/**/route.ts", "**/*.test.ts"],
    rules: { "import/no-restricted-paths": ["error", { zones: [...layerZones, ...pageZones] }] },
  },
  {
    // Links prefetch on intent (components/ui/link.tsx); only the main navigation prefetches what is in view.
    files: ["src/**/*.tsx"],
    ignores: ["src/components/ui/link.tsx", "src/components/shell/app-nav.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: 'Use { Link } from "@/components/ui/link": it prefetches on hover, focus or touch, not in view.',
            },
          ],
        },
      ],
    },
  },
  {
    // src/lib is client-safe: nothing that only runs on the server.
    files: ["src/lib/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["server-only", "next/headers", "next/server", "next/cache", "react-dom/server"].map((name) => ({
            name,
            message: "src/lib is client-safe: server-only code belongs in src/server.",
          })),
          patterns: [{ group: ["node:*"], message: "src/lib is client-safe: Node built-ins belong in src/server." }],
        },
      ],
    },
  },
);
