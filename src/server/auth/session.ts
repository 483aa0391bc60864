import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "../db";
import type { Actor } from "../services/kernel/actor";
import { resolveSession, type SessionUser } from "../services/account/sessions";
import { claimsFromCookieHeader } from "./session-cookie";

export type CurrentSession = { actor: Actor; user: SessionUser };

/**
 * The signed-in user of this request, checked against the database (the
 * session row and the session version), or null. Cached per render, so a
 * layout, a page and the tRPC caller share one check. The cookie is read
 * directly (see session-cookie.ts); the proxy's auth() is what keeps a
 * visitor's cookie fresh.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const claims = await claimsFromCookieHeader((await headers()).get("cookie"));
  return sessionFromClaims(claims?.userId, claims?.sessionId, claims?.sessionVersion);
});

export async function sessionFromClaims(
  userId: string | undefined,
  sessionId: string | undefined,
  sessionVersion: number | undefined,
): Promise<CurrentSession | null> {
  if (!userId || !sessionId || sessionVersion === undefined) return null;
  const user = await resolveSession(await getDb(), { userId, sessionId, sessionVersion });
  return user ? { actor: { userId, sessionId, timeZone: user.timeZone, ...user.membership }, user } : null;
}
