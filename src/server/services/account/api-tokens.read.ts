import { desc } from "drizzle-orm";
import type { Db } from "../../db/types";
import { apiTokens } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";

// API tokens: the list (never a token's text, only its prefix). Making, revoking
// and authenticating tokens is in api-tokens.write.ts.

export async function listApiTokens(db: Db, actor: Actor) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(inScope(apiTokens, actor))
    .orderBy(desc(apiTokens.createdAt));
}
