import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/types";
import { apiTokens, memberships } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { inReach } from "../kernel/access";
import type { createApiTokenInput } from "@/lib/validators/api-tokens";
import type { z } from "zod";

// API tokens: the writes (make, revoke) and the bearer check of the REST API,
// which records the last use. The list is in api-tokens.read.ts.

const PREFIX = "isk_";
const DAY_MS = 24 * 60 * 60 * 1000;
/** The last-used time is kept to the minute: a token pushing every second writes it once a minute, not every second. */
export const LAST_USED_RESOLUTION_MS = 60_000;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Makes a token, expiring after the days chosen or never; its text is returned this once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  { name, expiresInDays }: z.output<typeof createApiTokenInput>,
  now = new Date(),
) {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * DAY_MS);
  const [row] = await db
    .insert(apiTokens)
    .values({
      orgId: actor.orgId,
      userId: actor.userId,
      name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, PREFIX.length + 6),
      expiresAt,
    })
    .returning({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
    });
  return { ...row!, token };
}

export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(inReach(apiTokens, actor, eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw notFound("Token");
  return row;
}

export type TokenAuthentication = { ok: true; actor: Actor; tokenId: string } | { ok: false; reason: "invalid" | "expired" };

/**
 * The actor a bearer token acts for, or why not (unknown, revoked, expired).
 * Records when it was last used, to the minute: the row is written only when
 * the time kept is a minute old, and the condition is in the UPDATE too, so
 * several instances together still write it about once a minute.
 */
export async function authenticateApiToken(db: Db, token: string, now = new Date()): Promise<TokenAuthentication> {
  if (!token.startsWith(PREFIX) || token.length > 200) return { ok: false, reason: "invalid" };
  const [row] = await db
    .select({
      id: apiTokens.id,
      orgId: apiTokens.orgId,
      userId: apiTokens.userId,
      personId: memberships.personId,
      role: memberships.role,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    // A token acts as its user inside its organisation: a removed member's tokens stop at once.
    .innerJoin(memberships, and(eq(memberships.orgId, apiTokens.orgId), eq(memberships.userId, apiTokens.userId)))
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.revokedAt) return { ok: false, reason: "invalid" };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt.getTime() <= stale.getTime()) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, stale))));
  }
  return {
    ok: true,
    actor: { userId: row.userId, orgId: row.orgId, personId: row.personId, role: row.role, sessionId: `token:${row.id}` },
    tokenId: row.id,
  };
}
