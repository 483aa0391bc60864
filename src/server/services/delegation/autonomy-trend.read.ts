import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types";
import { autonomyMonths, levelChanges, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inOrg, inScope, underMe } from "../kernel/access";
import { EDGE_HOURS, monthStarts, trendFromMonths, type AutonomyMonth, type EdgeChange } from "@/lib/delegation/autonomy-months";
import { groupBy } from "@/lib/group-by";

const HOUR = 3_600_000;

/**
 * Each person's autonomy trend, as the overview shows it (by default over the
 * tasks the actor delegates, with `all` over every task they may see: the
 * tasks rule of the access policy, delegator or the line above). Read from
 * autonomy_months, people × months rows, and, unless the user's zone is UTC,
 * the level changes within EDGE_HOURS of a month's start, which may belong to
 * another month in the user's zone (lib/delegation/autonomy-months.ts). Two
 * queries at most, whatever the length of the history.
 */
export async function autonomyTrends(
  db: Db,
  actor: Actor,
  all: boolean,
  dayOf: (instant: Date) => string,
  timeZone: string,
): Promise<Map<string, { month: string; average: number }[]>> {
  const am = autonomyMonths;
  const seen = all ? or(eq(am.delegatorPersonId, actor.personId), underMe(actor, am.personId)) : eq(am.delegatorPersonId, actor.personId);
  const months = await db
    .select({
      personId: am.personId,
      month: am.month,
      changes: sql<number>`sum(${am.changes})::int`,
      tasks: sql<number>`sum(${am.tasks})::int`,
      autonomySum: sql<number>`sum(${am.autonomySum})`.mapWith(Number),
    })
    .from(am)
    .where(inOrg(am, actor, seen))
    .groupBy(am.personId, am.month)
    .orderBy(am.personId, am.month);
  if (months.length === 0) return new Map();
  const edges = timeZone === "UTC" ? [] : await edgeChanges(db, actor, all, monthStarts([...new Set(months.map((m) => m.month))]));
  const monthsOf = groupBy<AutonomyMonth & { personId: string }>(months, (m) => m.personId);
  const edgesOf = groupBy(edges, (e) => e.personId);
  return new Map([...monthsOf].map(([personId, rows]) => [personId, trendFromMonths(rows, edgesOf.get(personId) ?? [], dayOf)]));
}

/**
 * The level changes near the given month starts of the tasks the trend reads,
 * each with its step from the task's previous level (one backward step on
 * level_changes_task_at_idx, in the order the kept months use: time, then id).
 */
async function edgeChanges(db: Db, actor: Actor, all: boolean, starts: Date[]): Promise<(EdgeChange & { personId: string })[]> {
  const near = or(
    ...starts.map(
      (s) =>
        sql`(${levelChanges.at} >= ${new Date(s.getTime() - EDGE_HOURS * HOUR).toISOString()}::timestamptz and ${levelChanges.at} < ${new Date(s.getTime() + EDGE_HOURS * HOUR).toISOString()}::timestamptz)`,
    ),
  ) as SQL;
  const previous = sql<
    number | null
  >`(select p.to_autonomy from ${levelChanges} as p where p.org_id = ${levelChanges.orgId} and p.task_id = ${levelChanges.taskId} and (p.at, p.id) < (${levelChanges.at}, ${levelChanges.id}) order by p.at desc, p.id desc limit 1)`;
  const rows = await db
    .select({ personId: tasks.personId, at: levelChanges.at, autonomy: levelChanges.toAutonomy, previous })
    .from(levelChanges)
    .innerJoin(tasks, and(eq(tasks.id, levelChanges.taskId), eq(tasks.orgId, levelChanges.orgId)))
    .where(inScope(levelChanges, actor, near, all ? undefined : eq(tasks.delegatorPersonId, actor.personId)));
  return rows.map((r) => ({
    personId: r.personId,
    at: r.at,
    step: r.autonomy - (r.previous ?? 0),
    first: r.previous === null,
  }));
}
