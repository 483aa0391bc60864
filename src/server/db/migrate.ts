import path from "node:path";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Db } from "./types";

/** drizzle-kit's SQL files, generated from src/server/db/schema by `npm run db:generate`. */
export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

/**
 * Drizzle's PGlite and postgres.js migrators are the same code over the shared
 * Postgres dialect, so one call serves both drivers.
 */
export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db as unknown as PgliteDatabase<Record<string, never>>, {
    migrationsFolder: MIGRATIONS_FOLDER,
  });
}
