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

export function getDatabase(): Promise<DbHandle> {
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
