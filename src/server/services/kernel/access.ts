import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { actionItems, areas, growthGoals, metrics, oneOnOnes, people, spectrumLevels, targets } from "../../db/schema/index";
import type { Actor } from "./actor";
import { fieldError, notFound } from "./errors";

/**
 * The access kernel: the one module that decides which rows an actor may
 * reach. Every service reads, writes and checks references through it, never
 * with its own `where owner_id = …`.
 *
 * Today the policy is "the actor owns the row" (every tenant table has an
 * `ownerId`). With organisations it becomes the chart's rules of
 * DESIGN.md ("Organisations and who sees what"): the organisation id, then the
 * reporting line, the pair, the controller and owners of a target, the author
 * of a private note. Those rules change this file, not the services: a service
 * only says which table and which row, and what it wants to do with it.
 *
 * Anything out of reach answers NOT_FOUND, exactly as a missing row.
 */

/** A tenant table: rows with an id, owned by one account. */
export type ScopedTable = PgTable & { id: PgColumn; ownerId: PgColumn };

/**
 * The rows of `table` the actor may reach, with further conditions: the
 * `where` of every query a service makes on a tenant table.
 */
export function inScope(table: { ownerId: PgColumn }, actor: Actor, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.ownerId, actor.userId), ...conditions)!;
}

/**
 * The same rule for hand-written SQL: `sql\`… where ${scopeSql(actor, sql\`t.owner_id\`)}\``.
 * `ownerColumn` is the qualified owner column of the table the statement reads.
 */
export function scopeSql(actor: Actor, ownerColumn: SQL): SQL {
  return sql`${ownerColumn} = ${actor.userId}`;
}

/** The row with this id, if the actor may reach it; otherwise NOT_FOUND ("Person not found."). */
export async function loadInScope<T extends ScopedTable>(
  db: Db,
  actor: Actor,
  table: T,
  id: string,
  what: string,
): Promise<T["$inferSelect"]> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(inScope(table, actor, eq(table.id, id)))
    .limit(1);
  if (!row) throw notFound(what);
  return row as T["$inferSelect"];
}

/**
 * The kinds of row an input may name, with the one message each answers when
 * the row is out of reach. `active` kinds also refuse an archived row.
 */
const REFERENCES = {
  person: { table: people, missing: "That person is not in your organisation.", archived: "That person is archived." },
  area: { table: areas, missing: "That area is not in your organisation." },
  target: { table: targets, missing: "That target is not in your organisation." },
  metric: { table: metrics, missing: "That metric is not in your organisation." },
  goal: { table: growthGoals, missing: "That growth goal is not in your organisation." },
  oneOnOne: { table: oneOnOnes, missing: "That 1:1 is not in your organisation." },
  action: { table: actionItems, missing: "That action item is not in your organisation." },
  level: { table: spectrumLevels, missing: "That level is not on your spectrum." },
} as const satisfies Record<string, { table: ScopedTable; missing: string; archived?: string }>;

export type ReferenceKind = keyof typeof REFERENCES;

/**
 * Checks that every id an input names (`field` is the input's field, for the
 * form) is a row the actor may reach, and, for people, an active one unless
 * `allowArchived`. Answers NOT_FOUND with the kind's message next to the field,
 * or BAD_REQUEST for an archived person. One query per call, whatever the count.
 */
export async function requireReferences(
  db: Db,
  actor: Actor,
  kind: ReferenceKind,
  field: string,
  ids: string | readonly string[] | null | undefined,
  options: { allowArchived?: boolean } = {},
): Promise<void> {
  const wanted = [...new Set(ids === null || ids === undefined ? [] : typeof ids === "string" ? [ids] : ids)];
  if (wanted.length === 0) return;
  const reference = REFERENCES[kind];
  const table = reference.table as ScopedTable;
  const archivedAt = "archived" in reference ? (table as unknown as { archivedAt: PgColumn }).archivedAt : undefined;
  const found = await db
    .select({ id: table.id, ...(archivedAt ? { archivedAt } : {}) })
    .from(table as PgTable)
    .where(inScope(table, actor, inArray(table.id, wanted)));
  if (found.length !== wanted.length) throw fieldError("NOT_FOUND", field, reference.missing);
  if (archivedAt && !options.allowArchived && found.some((row) => (row as { archivedAt?: Date | null }).archivedAt)) {
    throw fieldError("BAD_REQUEST", field, (reference as { archived: string }).archived);
  }
}
