import type { Db } from "./types";

/**
 * Whether every request shares one connection: the embedded PGlite database
 * (one in-process connection, each transaction holding it whole), not a
 * postgres.js pool. A transaction that runs for seconds there stops every
 * other request, of every organisation, for as long; work that may be long
 * goes in short transactions instead (see the account import).
 */
export function holdsOneConnection(db: Db): boolean {
  const client = (db as unknown as { $client?: unknown }).$client;
  // PGlite's instance is an object with waitReady; postgres.js's client is a tagged-template function.
  return typeof client === "object" && client !== null && "waitReady" in client;
}
