import { randomUUID } from "node:crypto";
import { asc, count, eq, getTableColumns, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../db/types";
import * as schema from "../db/schema";
import type { Actor } from "./actor";
import type { LadderLabels } from "@/lib/people/ladder";
import { AppError, notFound } from "./errors";

/**
 * The account's data in the order it can be inserted again (every table after
 * the ones it points at). A new table of the schema must be listed here or in
 * NOT_EXPORTED; a test fails otherwise.
 */
export const EXPORT_TABLES = {
  people: schema.people,
  areas: schema.areas,
  targets: schema.targets,
  target_owners: schema.targetOwners,
  metrics: schema.metrics,
  check_ins: schema.checkIns,
  spectrums: schema.spectrums,
  spectrum_levels: schema.spectrumLevels,
  tasks: schema.tasks,
  level_changes: schema.levelChanges,
  one_on_ones: schema.oneOnOnes,
  talking_points: schema.talkingPoints,
  growth_goals: schema.growthGoals,
  coaching_notes: schema.coachingNotes,
  action_items: schema.actionItems,
  energy_entries: schema.energyEntries,
  energy_days: schema.energyDays,
  weekly_reviews: schema.weeklyReviews,
  capacity_weeks: schema.capacityWeeks,
  capacity_items: schema.capacityItems,
} as const satisfies Record<string, PgTable>;

/** Tables an export leaves out, and why. */
export const NOT_EXPORTED: Record<string, string> = {
  users: "the account itself: its profile (name, time zone, ladder names) is in `account`",
  auth_sessions: "sign-in sessions belong to this server and this browser",
  api_tokens: "secrets: a new account makes its own tokens",
  rate_limits: "counters of sign-in, sign-up and password attempts, not the user's data",
};

export const EXPORT_FORMAT = "intersect-export";
export const EXPORT_VERSION = 1;

type Row = Record<string, unknown>;
type TableName = keyof typeof EXPORT_TABLES;

function columnsOf(table: PgTable) {
  return getTableColumns(table) as Record<string, PgColumn>;
}

/** Rows of a table in a stable order: by id, or by every key column of a composite key. */
function orderOf(table: PgTable): SQL[] {
  const cols = columnsOf(table);
  if (cols.id) return [asc(cols.id)];
  return Object.values(cols)
    .filter((c) => c.columnType === "PgDateString" || c.columnType === "PgUUID")
    .map((c) => asc(c));
}

/**
 * Everything the account owns, as one versioned JSON document. Private notes
 * are left out unless asked for. Owner ids are dropped: a file names no account.
 */
export async function exportAccount(db: Db, actor: Actor, { includePrivate }: { includePrivate: boolean }) {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, actor.userId));
  if (!user) throw notFound("Account");
  const tables: Record<string, Row[]> = {};
  for (const [name, table] of Object.entries(EXPORT_TABLES)) {
    const owner = columnsOf(table).ownerId!;
    const rows = (await db.select().from(table).where(eq(owner, actor.userId)).orderBy(...orderOf(table))) as Row[];
    tables[name] = rows
      .filter((r) => includePrivate || name !== "coaching_notes" || !r.private)
      .map(({ ownerId: _owner, ...rest }) => rest);
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    includesPrivateNotes: includePrivate,
    account: { name: user.name, email: user.email, timeZone: user.timeZone, ladderLabels: user.ladderLabels },
    tables,
  };
}

export const importFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, "This is not an Intersect export."),
  version: z.literal(EXPORT_VERSION, `This file's format version is not one this server reads (it reads version ${EXPORT_VERSION}).`),
  account: z.object({ timeZone: z.string().optional(), ladderLabels: z.record(z.string(), z.string()).nullable().optional() }).passthrough(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

/** Tables that may hold rows in an account that counts as empty: the default spectrum is made on first use. */
const MADE_ON_FIRST_USE: TableName[] = ["spectrums", "spectrum_levels"];

/**
 * Loads an export into this account, which must be empty. Every id is new
 * (ids are unique across accounts) and every reference is rewritten to the
 * new ids, so the same file can be imported into several accounts. All or nothing.
 */
export async function importAccount(db: Db, actor: Actor, raw: unknown) {
  const parsed = importFileSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "This file cannot be read.");
  const file = parsed.data;
  const unknown = Object.keys(file.tables).filter((t) => !(t in EXPORT_TABLES));
  if (unknown.length) throw new AppError("BAD_REQUEST", `This file has tables this server does not know: ${unknown.join(", ")}.`);

  for (const [name, table] of Object.entries(EXPORT_TABLES) as [TableName, PgTable][]) {
    if (MADE_ON_FIRST_USE.includes(name)) continue;
    const [{ n }] = (await db.select({ n: count() }).from(table).where(eq(columnsOf(table).ownerId!, actor.userId))) as [{ n: number }];
    if (Number(n) > 0) throw new AppError("CONFLICT", "Import works only into an empty account: this one already has data. Create a new account to import into.");
  }

  // One new id for every row id in the file; references follow through the same map.
  const ids = new Map<string, string>();
  for (const rows of Object.values(file.tables)) for (const row of rows) if (typeof row.id === "string") ids.set(row.id, randomUUID());

  const counts: Record<string, number> = {};
  try {
    await db.transaction(async (tx) => {
      await tx.delete(schema.spectrums).where(eq(schema.spectrums.ownerId, actor.userId));
      await tx
        .update(schema.users)
        .set({
          ...(file.account.timeZone ? { timeZone: file.account.timeZone } : {}),
          ...(file.account.ladderLabels ? { ladderLabels: file.account.ladderLabels as LadderLabels } : {}),
          updatedAt: new Date(),
        })
        .where(eq(schema.users.id, actor.userId));
      for (const [name, table] of Object.entries(EXPORT_TABLES) as [TableName, PgTable][]) {
        const rows = (file.tables[name] ?? []).map((row, i) => toInsert(name, i, table, row, ids, actor.userId));
        counts[name] = rows.length;
        for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500));
      }
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", "This file does not fit: a row is missing a field, has a wrong value or points at a row that is not in the file. Nothing was imported.");
  }
  return { imported: counts };
}

const JS_TYPES: Record<string, string> = { number: "number", boolean: "boolean", string: "string" };

/**
 * A file row as a row of this account: known columns only, new ids, times as
 * dates, this owner. Values of the wrong kind, or outside a column's allowed
 * values, are refused with where they are.
 */
function toInsert(name: string, index: number, table: PgTable, row: Row, ids: Map<string, string>, ownerId: string): Row {
  const out: Row = {};
  for (const [key, column] of Object.entries(columnsOf(table))) {
    if (key === "ownerId" || !(key in row)) continue;
    const value = row[key];
    const where = `${name}, row ${index + 1}, ${key}`;
    const expected = JS_TYPES[column.dataType];
    if (value !== null && expected && typeof value !== expected) throw new AppError("BAD_REQUEST", `This file does not fit (${where}: expected a ${expected}). Nothing was imported.`);
    const allowed = (column as PgColumn & { enumValues?: string[] }).enumValues;
    if (value !== null && allowed?.length && !allowed.includes(value as string)) {
      throw new AppError("BAD_REQUEST", `This file does not fit (${where}: "${String(value)}" is not one of ${allowed.join(", ")}). Nothing was imported.`);
    }
    if (column.columnType === "PgUUID" && typeof value === "string") out[key] = ids.get(value) ?? value;
    else if (column.columnType === "PgTimestamp" && typeof value === "string") out[key] = new Date(value);
    else out[key] = value;
  }
  out.ownerId = ownerId;
  return out;
}
