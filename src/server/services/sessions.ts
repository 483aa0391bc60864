import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../db/types";
import { authSessions, users } from "../db/schema";

export type SessionClaims = { sessionId: string; userId: string; sessionVersion: number };

export type SessionUser = { id: string; name: string; email: string; timeZone: string };

export async function startSession(db: Db, userId: string, sessionVersion: number): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({ userId, sessionVersion })
    .returning({ id: authSessions.id });
  return row!.id;
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
  await db
    .delete(authSessions)
    .where(and(eq(authSessions.userId, claims.userId), eq(authSessions.id, claims.sessionId)));
}
