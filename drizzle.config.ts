import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL from the schema here; the app applies the
// files in drizzle/ itself on start (src/server/db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema/index.ts",
  out: "./drizzle",
});
