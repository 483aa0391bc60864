import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { chartCounts, personAncestors, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inOrg, inScope, loadInScope } from "../kernel/access";
import { buildOrgTree, type OrgNode } from "@/lib/people/org-tree";

// The org chart and report counts, read from the closure table
// (person_ancestors) and the counts kept with it (chart_counts), so their
// cost follows what is shown, not the org's size.

/**
 * Is `personId` one of `ancestorIds` or anywhere below one of them? One
 * primary-key probe of the closure table per ancestor, however large the
 * organisation: the loop check of a change of line ("is the new manager under
 * the person moving?"). Read under the org lock (lockOrg), so the chart is
 * the lines as they are.
 */
export async function atOrBelowAny(db: Db, orgId: string, personId: string, ancestorIds: string[]): Promise<boolean> {
  if (ancestorIds.length === 0) return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(personAncestors)
    .where(
      and(eq(personAncestors.orgId, orgId), inArray(personAncestors.ancestorId, ancestorIds), eq(personAncestors.descendantId, personId)),
    )
    .limit(1);
  return row !== undefined;
}

/** How many people the chart opens with: whole levels from the top, as many as fit (a screen or two). */
export const CHART_OPENING_BUDGET = 50;

export type ChartPerson = {
  id: string;
  name: string;
  title: string | null;
  track: "manager" | "ic";
  level: string;
  managerId: string | null;
  leads: string | null;
  /** The signed-in person's own place in the chart. */
  you: boolean;
};

/**
 * A node of the chart. `directCount` and `totalCount` are the person's whole
 * line (active people), whether or not `reports` holds it: a node whose
 * `reports` is shorter than `directCount` is folded, and its branch is
 * loaded when opened (`orgChartBranch`).
 */
export type ChartNode = Omit<OrgNode<ChartPerson>, "reports"> & { reports: ChartNode[] };

/**
 * Active direct and total reports of each listed person: one primary-key
 * lookup each in the counts kept with the chart (chart_counts). The chart is
 * open inside the organisation, so its counts are too.
 */
export async function reportCountsOf(db: Db, actor: Actor, ids: string[]): Promise<Map<string, { direct: number; total: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: chartCounts.personId, direct: chartCounts.directReports, total: chartCounts.totalReports })
    .from(chartCounts)
    .where(inOrg(chartCounts, actor, inArray(chartCounts.personId, ids)));
  return new Map(rows.map((r) => [r.id, { direct: r.direct, total: r.total }]));
}

const chartColumns = {
  id: people.id,
  name: people.name,
  title: people.title,
  track: people.track,
  level: people.level,
  managerId: people.managerId,
  leads: people.leads,
};

const managersFirst = (a: ChartPerson, b: ChartPerson) =>
  Number(a.track === "ic") - Number(b.track === "ic") || a.name.localeCompare(b.name);

/**
 * The org chart as it opens: the whole organisation (the chart is open inside
 * it) from its top, as many whole levels as fit in `budget` people, and the
 * way down to the actor with everyone beside it (each manager's reports on
 * the path, the actor's own). A small org opens whole; in a large one, the
 * folded branches open on demand. Four statements, each reading about what
 * it shows, whatever the org's size.
 */
export async function getOrgChart(db: Db, actor: Actor, budget = CHART_OPENING_BUDGET): Promise<ChartNode[]> {
  const pa = personAncestors;
  // The top of the actor's chart: their farthest ancestor (themself at the top).
  const root = sql`(select ${pa.ancestorId} from ${pa} where ${pa.orgId} = ${actor.orgId} and ${pa.descendantId} = ${actor.personId} order by ${pa.depth} desc limit 1)`;
  // The depths of the first budget + 1 people under it, level by level (an index range, cut at the budget).
  const depths = await db
    .select({ depth: pa.depth })
    .from(pa)
    .where(inOrg(pa, actor, sql`${pa.ancestorId} = ${root}`))
    .orderBy(pa.depth)
    .limit(budget + 1);
  const last = depths.at(-1)?.depth ?? 0;
  // All fit: every level opens. Otherwise the last level read is cut: open the ones above it.
  const openDepth = depths.length <= budget ? last : Math.max(0, last - 1);
  const topLevels = sql`select ${pa.descendantId} from ${pa} where ${pa.orgId} = ${actor.orgId} and ${pa.ancestorId} = ${root} and ${pa.depth} <= ${openDepth}`;
  // Everyone beside the way down to the actor: the reports of each person on it (the actor's own too).
  const besidePath = sql`select "beside"."id" from ${pa} join ${people} as "beside" on "beside"."org_id" = ${pa.orgId} and "beside"."manager_id" = ${pa.ancestorId}
    where ${pa.orgId} = ${actor.orgId} and ${pa.descendantId} = ${actor.personId}`;
  // Any other top of the chart (folded): none in an org made here, but imported data may have one.
  const otherTops = sql`select "other_top"."id" from ${people} as "other_top" where "other_top"."org_id" = ${actor.orgId} and "other_top"."manager_id" is null`;
  const rows = await db
    .select(chartColumns)
    .from(people)
    .where(inScope(people, actor, isNull(people.archivedAt), sql`${people.id} in (${topLevels} union ${besidePath} union ${otherTops})`));
  return withCounts(db, actor, rows);
}

/** One folded branch: the person's direct reports, each with their counts (and folded in turn). */
export async function getOrgChartBranch(db: Db, actor: Actor, personId: string): Promise<ChartNode[]> {
  await loadInScope(db, actor, people, personId, "Person");
  const rows = await db
    .select(chartColumns)
    .from(people)
    .where(inScope(people, actor, eq(people.managerId, personId), isNull(people.archivedAt)));
  return withCounts(db, actor, rows);
}

async function withCounts(db: Db, actor: Actor, rows: Omit<ChartPerson, "you">[]): Promise<ChartNode[]> {
  const counts = await reportCountsOf(
    db,
    actor,
    rows.map((r) => r.id),
  );
  const counted = (node: OrgNode<ChartPerson>): ChartNode => ({
    ...node,
    directCount: counts.get(node.id)?.direct ?? 0,
    totalCount: counts.get(node.id)?.total ?? 0,
    reports: node.reports.map(counted),
  });
  return buildOrgTree(
    rows.map((r) => ({ ...r, you: r.id === actor.personId })),
    managersFirst,
  ).map(counted);
}
