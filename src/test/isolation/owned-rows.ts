import { eq, getTableColumns, getTableName, is } from "drizzle-orm";
import { PgTable, type PgColumn } from "drizzle-orm/pg-core";
import * as schema from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/**
 * Every table of the schema with the column that names its owner: `orgId`
 * on tenant tables, `userId` on account tables, `id` on users and on
 * organisations. Read from the schema itself, so a new table cannot be
 * forgotten.
 */
export function ownedTables(): { name: string; table: PgTable; owner: PgColumn; by: "org" | "user" }[] {
  const out: { name: string; table: PgTable; owner: PgColumn; by: "org" | "user" }[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const columns = getTableColumns(value) as Record<string, PgColumn>;
    const name = getTableName(value);
    if (name === "users") out.push({ name, table: value, owner: columns.id!, by: "user" });
    else if (name === "organisations") out.push({ name, table: value, owner: columns.id!, by: "org" });
    else if (columns.orgId) out.push({ name, table: value, owner: columns.orgId, by: "org" });
    else if (columns.userId) out.push({ name, table: value, owner: columns.userId, by: "user" });
  }
  return out;
}

/** Tables without an owner column: only these may hold rows shared across users. */
export const UNOWNED_TABLES = ["rate_limits"];

/**
 * All rows a user owns, table by table, in a stable order (for before/after
 * comparison): their organisation's rows and their account's. A user id alone
 * means that user's own organisation (the last one they used: a test user's
 * own, made at sign-up).
 */
export async function snapshotOwnedRows(
  db: Db,
  owner: string | { id: string; actor: { orgId: string } },
): Promise<Record<string, unknown[]>> {
  const userId = typeof owner === "string" ? owner : owner.id;
  const orgId =
    typeof owner === "string"
      ? (await db.select({ orgId: schema.users.lastOrgId }).from(schema.users).where(eq(schema.users.id, owner)))[0]?.orgId
      : owner.actor.orgId;
  const snapshot: Record<string, unknown[]> = {};
  for (const { name, table, owner: column, by } of ownedTables()) {
    const key = by === "org" ? orgId : userId;
    const rows = key ? await db.select().from(table).where(eq(column, key)) : [];
    snapshot[name] = rows
      .map((row) => JSON.stringify(row))
      .sort()
      .map((row) => JSON.parse(row));
  }
  return snapshot;
}
