/**
 * Who is calling a service: the signed-in user, and the session they use.
 * `timeZone` is the user's setting as the session check read it, so that a
 * request needs no second query for "today"; callers without it (tests, the
 * CLI) get it read from the database.
 */
export type Actor = { userId: string; sessionId: string; timeZone?: string };
