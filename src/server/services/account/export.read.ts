import { asc, eq, getTableColumns, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import * as schema from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { inOrg } from "../kernel/access";
import { usableTimeZone } from "@/lib/time-zone";

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

export type Row = Record<string, unknown>;
export type TableName = keyof typeof EXPORT_TABLES;

export function columnsOf(table: PgTable) {
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
  const [org] = await db.select().from(schema.organisations).where(eq(schema.organisations.id, actor.orgId));
  const tables: Record<string, Row[]> = {};
  for (const [name, table] of Object.entries(EXPORT_TABLES)) {
    const rows = (await db
      .select()
      .from(table)
      .where(inOrg({ orgId: columnsOf(table).orgId! }, actor))
      .orderBy(...orderOf(table))) as Row[];
    tables[name] = rows
      // A private note is its author's alone: only the actor's own, and only when asked for.
      .filter((r) => name !== "coaching_notes" || !r.private || (includePrivate && r.authorPersonId === actor.personId))
      .map(({ orgId: _owner, ...rest }) => rest);
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    includesPrivateNotes: includePrivate,
    account: { name: user.name, email: user.email, timeZone: usableTimeZone(user.timeZone), ladderLabels: org?.ladderLabels ?? {} },
    tables,
  };
}
