import { and, count, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { personAncestors, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope } from "../kernel/access";
import { buildOrgTree, type OrgNode } from "@/lib/people/org-tree";

// The org chart and report counts, read from the closure table
// (person_ancestors), so their cost follows what is shown, not the org's size.

/** How many people the chart opens with: whole levels from the top, as many as fit. */
export const CHART_OPENING_BUDGET = 100;

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
 * Active direct and total reports of each listed person: one grouped range
 * read of the closure table's primary key per person.
 */
export async function reportCountsOf(db: Db, actor: Actor, ids: string[]): Promise<Map<string, { direct: number; total: number }>> {
  if (ids.length === 0) return new Map();
  const pa = personAncestors;
  const rows = await db
    .select({
      id: pa.ancestorId,
      direct: sql<number>`count(*) filter (where ${pa.depth} = 1)`.mapWith(Number),
      total: count(),
    })
    .from(pa)
    // people is the descendant here: only active people count.
    .innerJoin(people, and(eq(people.orgId, pa.orgId), eq(people.id, pa.descendantId)))
    .where(inScope(people, actor, eq(pa.orgId, actor.orgId), inArray(pa.ancestorId, ids), gt(pa.depth, 0), isNull(people.archivedAt)))
    .groupBy(pa.ancestorId);
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
 * folded branches open on demand. Three statements whatever the org's size.
 */
export async function getOrgChart(db: Db, actor: Actor, budget = CHART_OPENING_BUDGET): Promise<ChartNode[]> {
  const pa = personAncestors;
  // People per level under the top person (or people) of the chart.
  const levels = await db
    .select({ depth: pa.depth, people: count() })
    .from(pa)
    // people is the top person here (no manager); levels are depths under them.
    .innerJoin(people, and(eq(people.orgId, pa.orgId), eq(people.id, pa.ancestorId)))
    .where(inScope(people, actor, eq(pa.orgId, actor.orgId), isNull(people.managerId), isNull(people.archivedAt)))
    .groupBy(pa.depth)
    .orderBy(pa.depth);
  let openDepth = 0;
  for (let sum = 0, i = 0; i < levels.length; i++) {
    sum += levels[i]!.people;
    if (i > 0 && sum > budget) break;
    openDepth = levels[i]!.depth;
  }
  const topLevels = sql`select ${pa.descendantId} from ${pa} join ${people} as "top" on "top"."org_id" = ${pa.orgId} and "top"."id" = ${pa.ancestorId}
    where ${pa.orgId} = ${actor.orgId} and "top"."manager_id" is null and ${pa.depth} <= ${openDepth}`;
  const pathToMe = sql`select ${pa.ancestorId} from ${pa} where ${pa.orgId} = ${actor.orgId} and ${pa.descendantId} = ${actor.personId}`;
  const rows = await db
    .select(chartColumns)
    .from(people)
    .where(
      inScope(
        people,
        actor,
        isNull(people.archivedAt),
        or(isNull(people.managerId), sql`${people.id} in (${topLevels})`, sql`${people.managerId} in (${pathToMe})`),
      ),
    );
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
