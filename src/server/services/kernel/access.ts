import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { actionItems, areas, growthGoals, metrics, oneOnOnes, people, spectrumLevels, targets } from "../../db/schema/index";
import type { Actor } from "./actor";
import { fieldError, notFound } from "./errors";
import { candidatesFor, policyFor, strictlyUnderMe, underMe, type Intent } from "./policy";

/**
 * The access kernel: the one module that decides which rows an actor may
 * reach. Every service reads, writes and checks references through it, never
 * with its own `where org_id = …`.
 *
 * Every condition starts with the organisation (`org_id = …`: the tenant key
 * every statement names), then adds the chart's rules of DESIGN.md
 * ("Organisations and who sees what") from policy.ts: what the actor may see
 * (`inScope`) or change (`inReach`). A service only says which table and which
 * row, and what it wants to do with it.
 *
 * Anything out of reach answers NOT_FOUND, exactly as a missing row: a row one
 * may see but not change answers NOT_FOUND to a change too.
 */

/** A tenant table: rows with an id, in one organisation. */
export type ScopedTable = PgTable & { id: PgColumn; orgId: PgColumn };

/**
 * The rows of `table` the actor may see, with further conditions: the
 * `where` of every read a service makes on a tenant table.
 */
export function inScope(table: PgTable & { orgId: PgColumn }, actor: Actor, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.orgId, actor.orgId), policyFor(table, actor, "see"), ...conditions)!;
}

/**
 * The same rows as `inScope`, in a form for a statement that looks for a few
 * rows among many the actor may not see (a search for a common word in
 * everyone's notes): the rows the policy's reader rules point at, each found
 * by its index, then the same `see` rule (policy.ts, `readers`). A table
 * without reader rules gets `inScope`'s condition. access-forms.int.test.ts
 * proves the two select the same rows on a generated organisation.
 */
export function inScopeFromReaders(table: ScopedTable, actor: Actor, ...conditions: (SQL | undefined)[]): SQL {
  const candidates = candidatesFor(table, actor);
  return inScope(table, actor, candidates ? sql`${table.id} in (${candidates})` : undefined, ...conditions);
}

/** The rows of `table` the actor may change: the `where` of every update and delete. */
export function inReach(table: PgTable & { orgId: PgColumn }, actor: Actor, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.orgId, actor.orgId), policyFor(table, actor, "change"), ...conditions)!;
}

/** The rows of `table` the actor may act on with `intent` (a narrower change such as "tick", see policy.ts). */
export function inReachFor(intent: Intent, table: PgTable & { orgId: PgColumn }, actor: Actor, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.orgId, actor.orgId), policyFor(table, actor, intent), ...conditions)!;
}

/** Only the organisation: for rows read under a row already checked (a target's metrics, say). */
export function inOrg(table: { orgId: PgColumn }, actor: Actor, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.orgId, actor.orgId), ...conditions)!;
}

/**
 * The organisation rule for hand-written SQL: `sql\`… where ${scopeSql(actor, sql\`t.org_id\`)}\``.
 * `orgColumn` is the qualified organisation column of the table the statement reads.
 */
export function scopeSql(actor: Actor, orgColumn: SQL): SQL {
  return sql`${orgColumn} = ${actor.orgId}`;
}

/**
 * Organisation settings, members and invitations are the admins'. Anyone else
 * gets NOT_FOUND, as for any row out of reach.
 */
export function requireAdmin(actor: Actor, what = "Organisation settings"): void {
  if (actor.role !== "admin") throw notFound(what);
}

/** The row with this id, if the actor may see it (or change it, with `intent`); otherwise NOT_FOUND ("Person not found."). */
export async function loadInScope<T extends ScopedTable>(
  db: Db,
  actor: Actor,
  table: T,
  id: string,
  what: string,
  intent: Intent = "see",
): Promise<T["$inferSelect"]> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(intent === "see" ? inScope(table, actor, eq(table.id, id)) : inReachFor(intent, table, actor, eq(table.id, id)))
    .limit(1);
  if (!row) throw notFound(what);
  return row as T["$inferSelect"];
}

/**
 * A person of the actor's own part of the chart (themself or anyone under
 * them), for pages that show what the line above a person sees (tasks and
 * levels, say); anyone else answers NOT_FOUND as a missing person.
 */
export async function loadUnderMe(db: Db, actor: Actor, personId: string, what = "Person"): Promise<typeof people.$inferSelect> {
  const [row] = await db
    .select()
    .from(people)
    .where(inScope(people, actor, eq(people.id, personId), underMe(actor, people.id)))
    .limit(1);
  if (!row) throw notFound(what);
  return row;
}

/**
 * The kinds of row an input may name, with the one message each answers when
 * the row is out of reach. `active` kinds also refuse an archived row.
 */
const REFERENCES = {
  person: { table: people, missing: "That person is not in your organisation.", archived: "That person is archived." },
  // Someone people may be placed under: in the actor's part of the chart (anyone, for an admin).
  manager: {
    table: people,
    missing: "That person is not in your part of the organisation.",
    archived: "That person is archived.",
    within: (actor: Actor, id: PgColumn) => (actor.role === "admin" ? sql`true` : underMe(actor, id)),
  },
  // Someone strictly below the actor (anyone, for an admin): who a manager may invite, or pair in an area.
  below: {
    table: people,
    missing: "That person is not in your part of the organisation.",
    archived: "That person is archived.",
    within: (actor: Actor, id: PgColumn) => (actor.role === "admin" ? sql`true` : strictlyUnderMe(actor, id)),
  },
  // A target's owner: someone in the controller's own part of the chart, themselves included (no admin override: targets follow the line).
  owner: {
    table: people,
    missing: "That person is not in your part of the organisation.",
    archived: "That person is archived.",
    within: underMe,
  },
  // A sub-target's owner: someone strictly below the one who sets it (no admin override: targets follow the line).
  subOwner: {
    table: people,
    missing: "A sub-target is owned by people below you in the chart.",
    archived: "That person is archived.",
    within: strictlyUnderMe,
  },
  // A task's delegatee: someone below the delegator in the chart (one does not delegate to oneself).
  delegatee: {
    table: people,
    missing: "That person is not in your part of the organisation.",
    archived: "That person is archived.",
    within: strictlyUnderMe,
  },
  area: { table: areas, missing: "That area is not in your organisation." },
  target: { table: targets, missing: "That target is not in your organisation." },
  metric: { table: metrics, missing: "That metric is not in your organisation." },
  goal: { table: growthGoals, missing: "That growth goal is not in your organisation." },
  oneOnOne: { table: oneOnOnes, missing: "That 1:1 is not in your organisation." },
  action: { table: actionItems, missing: "That action item is not in your organisation." },
  level: { table: spectrumLevels, missing: "That level is not on your spectrum." },
} as const satisfies Record<
  string,
  { table: ScopedTable; missing: string; archived?: string; intent?: Intent; within?: (actor: Actor, id: PgColumn) => SQL }
>;

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
  options: { allowArchived?: boolean; intent?: Intent } = {},
): Promise<void> {
  const wanted = [...new Set(ids === null || ids === undefined ? [] : typeof ids === "string" ? [ids] : ids)];
  if (wanted.length === 0) return;
  const reference = REFERENCES[kind];
  const table = reference.table as ScopedTable;
  const archivedAt = "archived" in reference ? (table as unknown as { archivedAt: PgColumn }).archivedAt : undefined;
  const found = await db
    .select({ id: table.id, ...(archivedAt ? { archivedAt } : {}) })
    .from(table as PgTable)
    .where(
      ((options.intent ?? ("intent" in reference ? reference.intent : "see")) === "change" ? inReach : inScope)(
        table,
        actor,
        inArray(table.id, wanted),
        "within" in reference ? reference.within(actor, table.id) : undefined,
      ),
    );
  if (found.length !== wanted.length) throw fieldError("NOT_FOUND", field, reference.missing);
  if (archivedAt && !options.allowArchived && found.some((row) => (row as { archivedAt?: Date | null }).archivedAt)) {
    throw fieldError("BAD_REQUEST", field, (reference as { archived: string }).archived);
  }
}
export {
  underMe,
  strictlyUnderMe,
  myReport,
  checkInTarget,
  visibleTarget,
  splitsTarget,
  oneOnOneSide,
  oneOnOneSideOf,
  mayBookOneOnOne,
  delegatedTask,
} from "./policy";
export type { Intent } from "./policy";
