import { eq, getTableColumns, getTableName, is } from "drizzle-orm";
import { PgTable, type PgColumn } from "drizzle-orm/pg-core";
import * as schema from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/**
 * Every table of the schema with the column that names its owner: `orgId`
 * on domain tables, `userId` on account tables, `id` on users. Read from the
 * schema itself, so a new table cannot be forgotten.
 */
export function ownedTables(): { name: string; table: PgTable; owner: PgColumn }[] {
  const out: { name: string; table: PgTable; owner: PgColumn }[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const columns = getTableColumns(value) as Record<string, PgColumn>;
    const name = getTableName(value);
    const owner = name === "users" ? columns.id : (columns.orgId ?? columns.userId);
    if (owner) out.push({ name, table: value, owner });
  }
  return out;
}

/** Tables without an owner column: only these may hold rows shared across users. */
export const UNOWNED_TABLES = ["rate_limits"];

/** All rows a user owns, table by table, in a stable order (for before/after comparison). */
export async function snapshotOwnedRows(db: Db, userId: string): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const { name, table, owner } of ownedTables()) {
    const rows = await db.select().from(table).where(eq(owner, userId));
    snapshot[name] = rows
      .map((row) => JSON.stringify(row))
      .sort()
      .map((row) => JSON.parse(row));
  }
  return snapshot;
}
