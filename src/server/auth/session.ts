import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import type { Actor } from "../services/actor";
import { resolveSession, type SessionUser } from "../services/sessions";
import { auth } from "./index";

export type CurrentSession = { actor: Actor; user: SessionUser };

/**
 * The signed-in user of this request, checked against the database (the
 * session row and the session version), or null. Cached per request, so a
 * layout, a page and the tRPC caller share one check.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await auth();
  return sessionFromClaims(session?.user?.id, session?.sid, session?.sv);
});

export async function sessionFromClaims(
  userId: string | undefined,
  sessionId: string | undefined,
  sessionVersion: number | undefined,
): Promise<CurrentSession | null> {
  if (!userId || !sessionId || sessionVersion === undefined) return null;
  const user = await resolveSession(await getDb(), { userId, sessionId, sessionVersion });
  return user ? { actor: { userId, sessionId }, user } : null;
}
