import { and, asc, eq, getTableColumns, gt, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import * as schema from "../../db/schema/index";
import { isAdmin, type Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { inOrg, inScope } from "../kernel/access";
import { usableTimeZone } from "@/lib/time-zone";
import { giveWay } from "../../event-loop/give-way";
import { mapInTurns } from "../../event-loop/turns";

/**
 * The organisation's data in the order it can be inserted again (every table
 * after the ones it points at). A new table of the schema must be listed here
 * or in NOT_EXPORTED; a test fails otherwise.
 */
export const EXPORT_TABLES = {
  people: schema.people,
  person_notes: schema.personNotes,
  areas: schema.areas,
  targets: schema.targets,
  target_owners: schema.targetOwners,
  metrics: schema.metrics,
  target_slos: schema.targetSlos,
  check_ins: schema.checkIns,
  target_comments: schema.targetComments,
  target_status_updates: schema.targetStatusUpdates,
  spectrums: schema.spectrums,
  spectrum_levels: schema.spectrumLevels,
  tasks: schema.tasks,
  level_changes: schema.levelChanges,
  one_on_ones: schema.oneOnOnes,
  talking_points: schema.talkingPoints,
  growth_goals: schema.growthGoals,
  coaching_notes: schema.coachingNotes,
  action_items: schema.actionItems,
  handovers: schema.handovers,
  handover_notes: schema.handoverNotes,
  energy_entries: schema.energyEntries,
  energy_days: schema.energyDays,
  weekly_reviews: schema.weeklyReviews,
  capacity_weeks: schema.capacityWeeks,
  capacity_items: schema.capacityItems,
  calendar_meetings: schema.calendarMeetings,
} as const satisfies Record<string, PgTable>;

/** Tables an export leaves out, and why. */
export const NOT_EXPORTED: Record<string, string> = {
  users: "the account itself: its profile (name, time zone) is in `account`",
  organisations: "the organisation's settings (name, ladder names) are in `organisation`",
  auth_sessions: "sign-in sessions belong to this server and this browser",
  api_tokens: "secrets: a new account makes its own tokens",
  calendar_feeds: "a secret's hash (the feed URL's token): a new account makes its own feed",
  metric_bindings:
    "each names a data source, which is not exported: bind the metrics again after adding the sources; the values they pulled are in check_ins",
  data_sources: "credentials sealed under this server's AUTH_SECRET: an admin adds the organisation's data sources again after an import",
  rate_limits: "counters of sign-in, sign-up and password attempts, not the user's data",
  person_ancestors: "derived from people.managerId: rebuilt on import",
  chart_counts: "derived from the chart (person_ancestors): recounted on import",
  autonomy_months: "derived from tasks and level_changes (the autonomy trend by month): recomputed on import",
  memberships: "the accounts of other users: an import starts with the importer as its only member, who invites the others again",
  invitations: "secrets (link tokens) addressed to other people: invite them again after an import",
  level_proposals:
    "a conversation between a delegator and a delegatee, who sign in again after an import: the level changes a proposal made are in level_changes",
  poker_rounds: "a conversation between a delegator and a delegatee (delegation poker): the levels it agreed are in level_changes",
  poker_items: "the picks of a poker round (see poker_rounds)",
  notifications:
    "each member's inbox of what others did, made from rows that are exported; the members of an import sign in again and start with an empty inbox",
};

/**
 * Tables that hold one user's own rows inside the organisation (the energy
 * log, the capacity plan): only the exporter's are exported, an admin's too.
 */
const PERSONAL: ReadonlySet<TableName> = new Set([
  "energy_entries",
  "energy_days",
  "weekly_reviews",
  "capacity_weeks",
  "capacity_items",
  "calendar_meetings",
]);

export const EXPORT_FORMAT = "intersect-export";
/** 2: a whole organisation (its top person among the people, person columns, person_notes); 1: one account's data. */
export const EXPORT_VERSION = 2;

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

/** Rows per read of a table with an id: turning 66,000 rows into objects at once held the event loop for a long stretch. */
const READ_PAGE_ROWS = 1_000;

/** A table's exported rows in the stable order; by pages of ids (a keyset) when it has them, so each page is a short stretch. */
async function readRows(db: Db, table: PgTable, where: SQL, pageRows = READ_PAGE_ROWS): Promise<Row[]> {
  const id = columnsOf(table).id;
  if (!id)
    return (await db
      .select()
      .from(table)
      .where(where)
      .orderBy(...orderOf(table))) as Row[];
  const rows: Row[] = [];
  for (let after: unknown = null; ;) {
    const page = (await db
      .select()
      .from(table)
      .where(after === null ? where : and(where, gt(id, after)))
      .orderBy(asc(id))
      .limit(pageRows)) as Row[];
    for (const row of page) rows.push(row);
    if (page.length < pageRows) return rows;
    // Reads are not in a transaction: between two pages a person's request in flight goes first (give-way.ts).
    await giveWay("between transactions");
    after = page[page.length - 1]!.id;
  }
}

/**
 * The rows of `name` the actor exports: an admin the organisation as far as
 * they may see it (the access policy: the whole chart, targets and tasks in
 * their line, the 1:1s that are theirs), a member their own data. Being admin
 * opens no 1:1 and no note: an export is never a back door (DESIGN.md,
 * "Organisations and who sees what"). Private notes only when asked for, and
 * only the actor's own, whoever they are.
 */
function exportedRows(name: TableName, actor: Actor, includePrivate: boolean): SQL {
  const table = EXPORT_TABLES[name] as PgTable & { orgId: PgColumn };
  const notes = schema.coachingNotes;
  const mine = eq(notes.authorPersonId, actor.personId);
  if (PERSONAL.has(name) || name === "person_notes") return inScope(table, actor);
  if (name === "coaching_notes") {
    const privateOk = includePrivate ? mine : sql`false`;
    const shared = isAdmin(actor) ? inScope(notes, actor) : mine;
    return and(inOrg(notes, actor), sql`(case when ${notes.private} then ${privateOk} else ${shared} end)`)!;
  }
  return isAdmin(actor) ? inScope(table, actor) : sql`false`;
}

/**
 * The organisation's data as one versioned JSON document: for an admin, every
 * table of the organisation; for a member, their own data (energy, capacity,
 * the notes they wrote). Private notes are the actor's own, and only when
 * asked for. Organisation and user ids are dropped: a file names no account.
 * `pageRows`: rows per read of a table (tests).
 */
export async function exportAccount(
  db: Db,
  actor: Actor,
  { includePrivate }: { includePrivate: boolean },
  options: { pageRows?: number } = {},
) {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, actor.userId));
  if (!user) throw notFound("Account");
  const [org] = await db.select().from(schema.organisations).where(eq(schema.organisations.id, actor.orgId));
  if (!org) throw notFound("Organisation");
  const tables: Record<string, Row[]> = {};
  for (const [name, table] of Object.entries(EXPORT_TABLES) as [TableName, PgTable][]) {
    const rows = await readRows(db, table, exportedRows(name, actor, includePrivate), options.pageRows);
    await giveWay("between transactions");
    // Tens of thousands of check-ins: copied in short stretches, with other requests between.
    tables[name] = await mapInTurns(rows, ({ orgId: _org, userId: _user, ...rest }) => rest);
  }
  // A sub-target whose parent the exporter does not see (an admin outside that line) is exported as a top-level target.
  const exportedTargets = new Set((tables.targets ?? []).map((t) => t.id));
  // The stored health is derived (services/targets/health.stored.ts): not in the file, judged again on import.
  tables.targets = (tables.targets ?? []).map(({ healthRank: _r, healthValidUntil: _v, healthJudgedAt: _j, healthVersion: _h, ...t }) =>
    t.parentId && !exportedTargets.has(t.parentId) ? { ...t, parentId: null } : t,
  );
  // So is a metric's latest check-in (migration 0027_metric_latest): the check-ins are in the file, and the import's triggers keep it again.
  tables.metrics = (tables.metrics ?? []).map(({ latestValue: _v, latestAt: _a, ...m }) => m);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    /** "organisation": an admin's export of everything; "own": a member's own data. */
    scope: isAdmin(actor) ? ("organisation" as const) : ("own" as const),
    includesPrivateNotes: includePrivate,
    account: { name: user.name, email: user.email, timeZone: usableTimeZone(user.timeZone) },
    organisation: { name: org.name, ladderLabels: org.ladderLabels ?? {} },
    tables,
  };
}
