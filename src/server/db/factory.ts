import path from "node:path";
import type { Logger } from "drizzle-orm/logger";
import * as schema from "./schema";
import type { Db } from "./types";
import { lockDataDir } from "./data-dir-lock";
import { applyMigrations } from "./migrate";
import { preparingAllQueries } from "./prepare-all";

export type DbOptions = {
  /** postgres:// URL. Without it the embedded PGlite database is used. */
  url?: string;
  /** PGlite data folder; "memory://" for a throw-away in-memory database. */
  dataDir?: string;
  /** Called with every SQL statement and its parameters; tests count them, the server ladder replays them. */
  onQuery?: (sql: string, params: unknown[]) => void;
  /** postgres.js pool size. */
  maxConnections?: number;
};

export type DbHandle = {
  db: Db;
  driver: "pglite" | "postgres";
  /** Runs `select 1`; throws when the database is unreachable. */
  ping: () => Promise<void>;
  /**
   * Runs one SQL statement on the driver itself, past Drizzle. Only the server
   * ladder's bare route (bench/ladder.ts) uses it, to measure what the
   * framework costs with the same SQL and nothing else.
   */
  query: (text: string, params: unknown[]) => Promise<unknown[]>;
  /** Applies the SQL migrations in drizzle/ that have not run yet. */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

/** An arbitrary constant naming Intersect's migration lock. */
const MIGRATION_LOCK_ID = 748_201_337;

function loggerFor(onQuery?: DbOptions["onQuery"]): Logger | undefined {
  return onQuery ? { logQuery: (query, params) => onQuery(query, params) } : undefined;
}

export async function openDatabase(options: DbOptions): Promise<DbHandle> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options.dataDir ?? ".data", options);
}

async function openPostgres(url: string, options: DbOptions): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const connection = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // Fail a request quickly while the database is down instead of hanging.
    connect_timeout: 5,
    // Retry a lost connection within half a second. postgres.js's default
    // backoff grows to 20 s after a few failures (shared by all connections),
    // so after a short outage requests would wait in its queue for seconds
    // after the database was back (bench/db-restart.ts measures this).
    backoff: (retries: number) => Math.min(0.05 * retries, 0.5),
    // No JIT compilation: the app's statements read a page along an index, but on a large
    // organisation the planner's estimate of some (the tree page's roots) passed jit_above_cost
    // and compiling took 50–90 ms of a statement that runs in under 1 ms (bench/RESULTS.md, "The
    // tree page, bounded"). JIT pays off for long analytical queries, which the app does not run.
    connection: { jit: "off" },
  });
  const client = process.env.DATABASE_PREPARE === "false" ? connection : preparingAllQueries(connection);
  const db = drizzle({ client, schema, logger: loggerFor(options.onQuery) }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    ping: async () => {
      await client`select 1`;
    },
    query: async (text, params) => [...(await client.unsafe(text, params as never[]))],
    migrate: async () => {
      // Several app instances may start at once against one database: a
      // session-level advisory lock on a reserved connection lets one migrate
      // while the others wait, then find nothing left to do.
      const lockConnection = await client.reserve();
      try {
        await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await applyMigrations(db);
      } finally {
        await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
        lockConnection.release();
      }
    },
    close: () => connection.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string, options: DbOptions): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dataDir.startsWith("memory://");
  const absolute = inMemory ? dataDir : path.resolve(dataDir);
  const release = inMemory ? () => {} : lockDataDir(absolute);
  let client: InstanceType<typeof PGlite>;
  try {
    // pg_trgm backs the search's trigram indexes (migration 0025): PGlite has
    // it only when loaded here, before the migration's `create extension` runs.
    client = await PGlite.create(inMemory ? undefined : path.join(absolute, "pglite"), { extensions: { pg_trgm } });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle({ client, schema, logger: loggerFor(options.onQuery) }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    ping: async () => {
      await client.query("select 1");
    },
    query: async (text, params) => (await client.query(text, params)).rows,
    migrate: () => applyMigrations(db),
    close: async () => {
      await client.close();
      release();
    },
  };
}
