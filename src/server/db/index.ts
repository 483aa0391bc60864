import { openDatabase, type DbHandle } from "./factory";
import type { Db } from "./types";

export type { Db } from "./types";

/**
 * The app's one database handle. Kept on globalThis because Next.js may load
 * this module in more than one bundle of the same process (route handlers,
 * server components, instrumentation): a second PGlite over the same folder
 * would corrupt it.
 */
const globalKey = Symbol.for("intersect.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DbHandle> };

/**
 * `next build` sets this phase in its workers. Nothing may open the database
 * then: the build would create DATA_DIR, run migrations and hold the folder's
 * lock (or connect to a production DATABASE_URL) from a build machine. Pages
 * are dynamic (src/app/layout.tsx), so this only trips on a regression: a
 * page rendered at build time then gets this error instead of a database
 * (and src/test/build-leaves-no-data.mjs checks the folder stays absent).
 */
export class DatabaseAtBuildTimeError extends Error {
  constructor() {
    super('The database is not opened while building: render this page per request (export const dynamic = "force-dynamic").');
    this.name = "DatabaseAtBuildTimeError";
  }
}

export function getDatabase(): Promise<DbHandle> {
  if (process.env.NEXT_PHASE === "phase-production-build") return Promise.reject(new DatabaseAtBuildTimeError());
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= (async () => {
    const handle = await openDatabase({
      url: process.env.DATABASE_URL || undefined,
      dataDir: process.env.DATA_DIR || ".data",
    });
    await handle.migrate();
    return handle;
  })();
  // A failed open (folder locked, database down at start) is not cached, so a
  // later request can try again.
  g[globalKey].catch(() => {
    delete g[globalKey];
  });
  return g[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
