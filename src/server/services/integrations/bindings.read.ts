import { and, asc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { dataSources, metricBindings, metrics, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inOrg, inReach, loadInScope } from "../kernel/access";
import { isStale } from "@/lib/prometheus/schedule";

export type BindingView = {
  metricId: string;
  dataSourceId: string;
  dataSourceName: string;
  query: string;
  intervalMinutes: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
  nextDueAt: Date;
  stale: boolean;
};

/** A metric's binding to a query, for whoever sees the metric (null when it is not bound). */
export async function metricBinding(db: Db, actor: Actor, metricId: string, now = new Date()): Promise<BindingView | null> {
  await loadInScope(db, actor, metrics, metricId, "Metric");
  const [row] = await db
    .select({ binding: metricBindings, sourceName: dataSources.name })
    .from(metricBindings)
    .innerJoin(dataSources, and(eq(dataSources.orgId, metricBindings.orgId), eq(dataSources.id, metricBindings.dataSourceId)))
    .where(inOrg(metricBindings, actor, eq(metricBindings.metricId, metricId)));
  if (!row) return null;
  const b = row.binding;
  return {
    metricId: b.metricId,
    dataSourceId: b.dataSourceId,
    dataSourceName: row.sourceName,
    query: b.query,
    intervalMinutes: b.intervalMinutes,
    lastSuccessAt: b.lastSuccessAt,
    lastError: b.lastError,
    nextDueAt: b.nextDueAt,
    stale: isStale(b.lastSuccessAt, b.createdAt, b.intervalMinutes, now),
  };
}

export type FailingPull = {
  metricId: string;
  metricName: string;
  targetId: string;
  targetTitle: string;
  lastError: string | null;
  stale: boolean;
};

/**
 * For Home: the pulls that need a look, on the metrics the actor may change
 * (their targets): the last pull failed, or no value came for two intervals.
 * One query, bounded by `limit`.
 */
export async function failingPulls(db: Db, actor: Actor, now = new Date(), limit = 8): Promise<FailingPull[]> {
  const rows = await db
    .select({ binding: metricBindings, metricName: metrics.name, targetId: targets.id, targetTitle: targets.title })
    .from(metricBindings)
    .innerJoin(metrics, and(eq(metrics.orgId, metricBindings.orgId), eq(metrics.id, metricBindings.metricId)))
    .innerJoin(targets, and(eq(targets.orgId, metrics.orgId), eq(targets.id, metrics.targetId)))
    .where(
      inReach(
        metricBindings,
        actor,
        or(
          isNotNull(metricBindings.lastError),
          sql`coalesce(${metricBindings.lastSuccessAt}, ${metricBindings.createdAt}) < ${now.toISOString()}::timestamptz - make_interval(mins => 2 * ${metricBindings.intervalMinutes})`,
        ),
      ),
    )
    .orderBy(asc(metricBindings.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    metricId: r.binding.metricId,
    metricName: r.metricName,
    targetId: r.targetId,
    targetTitle: r.targetTitle,
    lastError: r.binding.lastError,
    stale: isStale(r.binding.lastSuccessAt, r.binding.createdAt, r.binding.intervalMinutes, now),
  }));
}
