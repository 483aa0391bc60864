import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { authSessions, users } from "../../db/schema/index";

export type SessionClaims = { sessionId: string; userId: string; sessionVersion: number };

export type SessionUser = { id: string; name: string; email: string; timeZone: string };

export async function startSession(db: Db, userId: string, sessionVersion: number): Promise<string> {
  const [row] = await db.insert(authSessions).values({ userId, sessionVersion }).returning({ id: authSessions.id });
  await purgeExpiredSessions(db);
  return row!.id;
}

/** How often a process purges expired session rows (on a sign-in), and how many rows one purge takes at most. */
export const SESSION_PURGE_INTERVAL_MS = 10 * 60 * 1000;
export const SESSION_PURGE_BATCH = 5_000;
const lastPurge = new WeakMap<Db, number>();

/**
 * Deletes expired `auth_sessions` rows (they are refused anyway; without this
 * they pile up forever). Runs on sign-in, at most once per interval per
 * process; on several instances each purges on its own schedule, which is
 * safe: `skip locked` lets two purges at once take different rows (no waiting,
 * no deadlock), and a batch bounds the work one sign-in pays for. A failure is
 * logged, never a failed sign-in.
 */
export async function purgeExpiredSessions(db: Db, now = Date.now()): Promise<void> {
  const last = lastPurge.get(db);
  if (last !== undefined && now - last < SESSION_PURGE_INTERVAL_MS) return;
  lastPurge.set(db, now);
  try {
    await db.execute(sql`
      delete from auth_sessions where id in (
        select id from auth_sessions where expires_at <= now() limit ${SESSION_PURGE_BATCH} for update skip locked
      )`);
  } catch (error) {
    console.error("Purging expired sessions failed (it runs again later):", error instanceof Error ? error.message : error);
  }
}

/**
 * Checked on every authenticated request: the session row must still exist,
 * be unexpired, and carry the user's current session version (a password
 * change bumps it). One indexed query, built once per database handle (a
 * prepared query) because it runs before every API call.
 */
export async function resolveSession(db: Db, claims: SessionClaims): Promise<SessionUser | null> {
  const [row] = await sessionQuery(db).execute({ userId: claims.userId, sessionId: claims.sessionId });
  if (!row) return null;
  if (row.sessionVersion !== claims.sessionVersion || row.issuedVersion !== claims.sessionVersion) {
    return null;
  }
  return { id: row.id, name: row.name, email: row.email, timeZone: row.timeZone };
}

const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();

function sessionQuery(db: Db) {
  let query = sessionQueries.get(db);
  if (!query) sessionQueries.set(db, (query = prepareSessionQuery(db)));
  return query;
}

function prepareSessionQuery(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      sessionVersion: users.sessionVersion,
      issuedVersion: authSessions.sessionVersion,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.userId, sql.placeholder("userId")),
        eq(authSessions.id, sql.placeholder("sessionId")),
        gt(authSessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1)
    .prepare("intersect_resolve_session");
}

export async function endSession(db: Db, claims: Pick<SessionClaims, "sessionId" | "userId">) {
  await db.delete(authSessions).where(and(eq(authSessions.userId, claims.userId), eq(authSessions.id, claims.sessionId)));
}
