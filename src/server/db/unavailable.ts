/**
 * Whether an error means the database cannot be reached right now (down,
 * restarting, refusing connections, or the connection dropped mid-query),
 * rather than that the query itself was wrong. Such errors are answered with
 * 503 and a "try again" message instead of a generic 500: they pass once the
 * database is back, and postgres.js reconnects on its own.
 */
const CONNECTION_CODES = new Set([
  // postgres.js
  "CONNECTION_ENDED",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // Node's sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

// SQLSTATE class 08 (connection exception), and 57P01–57P03: the server is
// shutting down, crashed, or is still starting.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps the driver's error in `cause`; walk a few levels at most.
  let current = error as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = typeof current.code === "string" ? current.code : undefined;
    if (code && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    current = current.cause as typeof current;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not answering right now. Try again in a moment.";
/** Seconds a client should wait before trying again (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 2;
