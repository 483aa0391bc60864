import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/types";
import { apiTokens } from "../db/schema";
import type { Actor } from "./actor";
import { notFound } from "./errors";
import { ownedBy } from "./scope";
import { tokenNameInput } from "@/lib/validators/targets";
import type { z } from "zod";

const PREFIX = "isk_";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Makes a token; its text is returned this once and only its hash is kept. */
export async function createApiToken(db: Db, actor: Actor, raw: z.input<typeof tokenNameInput>) {
  const { name } = tokenNameInput.parse(raw);
  const token = PREFIX + randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(apiTokens)
    .values({ ownerId: actor.userId, name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) })
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
  return { ...row!, token };
}

export async function listApiTokens(db: Db, actor: Actor) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(ownedBy(apiTokens, actor))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(ownedBy(apiTokens, actor, eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw notFound("Token");
  return row;
}

/** The actor a bearer token acts for, or null; records when it was last used. */
export async function authenticateApiToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, ownerId: apiTokens.ownerId });
  return row ? { userId: row.ownerId, sessionId: `token:${row.id}` } : null;
}
