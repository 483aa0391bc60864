import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type DbHandle } from "@/server/db/factory";
import type { Db } from "@/server/db/types";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when
 * TEST_DATABASE_URL is set, a new database on that PostgreSQL server (dropped
 * afterwards). Files run in parallel without seeing each other's rows.
 */
export type TestDatabase = {
  db: Db;
  driver: DbHandle["driver"];
  /** SQL statements run since the last reset; for query-count tests. */
  queries: string[];
  /** The same statements with their parameters, for tests that replay them (EXPLAIN). */
  statements: { sql: string; params: unknown[] }[];
  /** Runs raw SQL with parameters on the driver. */
  query: (text: string, params: unknown[]) => Promise<unknown[]>;
  /** The database's postgres:// URL when it is on a PostgreSQL server. */
  url?: string;
  close: () => Promise<void>;
};

/**
 * `migrate: false` leaves the database empty, for tests that migrate it themselves (src/test/migrations.ts).
 * `record: false` keeps no statements: a bench that imports 66,000 rows would otherwise hold every
 * parameter it sent, and the collector's pauses over that heap are the bench's, not the server's.
 */
export async function createTestDatabase(options: { migrate?: boolean; record?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const queries: string[] = [];
  const statements: TestDatabase["statements"] = [];
  const onQuery =
    options.record === false
      ? undefined
      : (sql: string, params: unknown[]) => {
          queries.push(sql);
          statements.push({ sql, params });
        };
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: "memory://", onQuery });
    if (migrate) await handle.migrate();
    queries.length = 0;
    statements.length = 0;
    return { db: handle.db, driver: handle.driver, queries, statements, query: handle.query, close: handle.close };
  }

  const { default: postgres } = await import("postgres");
  const name = `intersect_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), onQuery, maxConnections: 5 });
  if (migrate) await handle.migrate();
  queries.length = 0;
  statements.length = 0;
  return {
    db: handle.db,
    driver: handle.driver,
    queries,
    statements,
    query: handle.query,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Registers a database for the current test file; read `.current` inside tests. */
export function useTestDatabase(): { readonly current: TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    get current() {
      if (!database) throw new Error("The test database is opened in beforeAll; use it inside a test.");
      return database;
    },
  };
}
