import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { dataSources, metricBindings, metrics } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inOrg, loadInScope } from "../kernel/access";
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
