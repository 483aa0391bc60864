import { and, eq, gt, sql } from "drizzle-orm";
import { oldestMembership } from "../members/memberships.read";
import type { Db } from "../../db/types";
import { authSessions, memberships, users } from "../../db/schema/index";
import type { MemberRole } from "../../db/schema/members";

export type SessionClaims = { sessionId: string; userId: string; sessionVersion: number };

/** The organisation a session is signed in to: the user's membership there. */
export type SessionMembership = { orgId: string; personId: string; role: MemberRole };

export type SessionUser = { id: string; name: string; email: string; timeZone: string; membership: SessionMembership };

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
 * change bumps it), and the user must still be a member of the organisation
 * they use (the last one opened). One indexed query, built once per database
 * handle (a prepared query) because it runs before every API call. A user
 * whose last organisation removed them falls back to another of theirs; with
 * none left, the session is no session (the next page is the sign-in page).
 */
export async function resolveSession(db: Db, claims: SessionClaims): Promise<SessionUser | null> {
  const [row] = await sessionQuery(db).execute({ userId: claims.userId, sessionId: claims.sessionId });
  if (!row) return null;
  if (row.sessionVersion !== claims.sessionVersion || row.issuedVersion !== claims.sessionVersion) {
    return null;
  }
  const membership = row.orgId ? { orgId: row.orgId, personId: row.personId!, role: row.role! } : await fallbackMembership(db, row.id);
  if (!membership) return null;
  return { id: row.id, name: row.name, email: row.email, timeZone: row.timeZone, membership };
}

/** Another organisation of the user's (the oldest membership), remembered as the last one used. */
async function fallbackMembership(db: Db, userId: string): Promise<SessionMembership | null> {
  const other = await oldestMembership(db, userId);
  if (!other) return null;
  await db.update(users).set({ lastOrgId: other.orgId }).where(eq(users.id, userId));
  return other;
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
      orgId: memberships.orgId,
      personId: memberships.personId,
      role: memberships.role,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, users.lastOrgId)))
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
