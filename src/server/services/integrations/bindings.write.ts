import { eq } from "drizzle-orm";
import { refreshMetricsHealth } from "../targets/health.stored";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { checkIns, dataSources, metricBindings, metrics, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inOrg, inReach, loadInScope } from "../kernel/access";
import { AppError, fieldError, notFound } from "../kernel/errors";
import { describeProblem } from "@/lib/prometheus/answers";
import { backfillRange, utcMidnight } from "@/lib/prometheus/schedule";
import type { bindMetricInput, previewQueryInput } from "@/lib/validators/integrations";
import { connectionOf } from "./data-sources.read";
import { queryInstant, queryRange, type PrometheusConnection } from "./prometheus/client";
import { pullBinding } from "./pull";
import { metricBinding } from "./bindings.read";

/**
 * Binding a number metric to a PromQL query: whoever may change the metric
 * (its target's controller) previews, binds, unbinds and pulls now. Anyone
 * else gets NOT_FOUND, as for a metric they cannot change.
 */

const DAY = 86_400_000;

async function loadForBinding(db: Db, actor: Actor, metricId: string, dataSourceId: string) {
  const metric = await loadInScope(db, actor, metrics, metricId, "Metric", "change");
  if (metric.kind !== "number") throw fieldError("BAD_REQUEST", "metricId", "Only a number metric can pull its values from Prometheus.");
  const source = await loadInScope(db, actor, dataSources, dataSourceId, "Data source");
  const connection = connectionOf(source);
  if ("unreadable" in connection) {
    throw fieldError("BAD_REQUEST", "dataSourceId", "This data source's credentials cannot be read: ask an admin to enter them again.");
  }
  return { metric, connection };
}

export type QueryPreview =
  { ok: true; value: number; at: Date; points: { at: Date; value: number }[] } | { ok: false; message: string; field: "query" };

/** Before saving: the value now and a 30-day daily sparkline (query_range, step 1 day), or the problem in words. */
export async function previewQuery(
  db: Db,
  actor: Actor,
  input: z.output<typeof previewQueryInput>,
  now = new Date(),
): Promise<QueryPreview> {
  const { connection } = await loadForBinding(db, actor, input.metricId, input.dataSourceId);
  return preview(connection, input.query, now);
}

async function preview(connection: PrometheusConnection, query: string, now: Date): Promise<QueryPreview> {
  const instant = await queryInstant(connection, query, now);
  if (!instant.ok) return { ok: false, message: describeProblem(instant.problem), field: "query" };
  const end = utcMidnight(now);
  const range = await queryRange(connection, query, { start: new Date(end.getTime() - 29 * DAY), end, stepSeconds: 86_400 });
  // A query that works now but has no history yet still previews its value.
  const points = range.ok ? range.value : [];
  return { ok: true, value: instant.value.value, at: instant.value.at, points };
}

/**
 * Binds the metric and backfills one value per day from its target's start
 * date (at most a year back), as check-ins marked "prometheus". A query that
 * Prometheus cannot parse is refused in its words next to the query. The first
 * scheduled pull is due at once. Binding again replaces the query.
 */
export async function bindMetric(db: Db, actor: Actor, input: z.output<typeof bindMetricInput>, now = new Date()) {
  const { metric, connection } = await loadForBinding(db, actor, input.metricId, input.dataSourceId);
  // A query Prometheus cannot parse is refused next to it; a source that is down now is bound all the same,
  // with the error on the metric, and the schedule pulls once it answers.
  const check = await queryInstant(connection, input.query, now);
  if (!check.ok && check.problem.kind === "prometheus" && check.problem.errorType === "bad_data") {
    throw fieldError("BAD_REQUEST", "query", describeProblem(check.problem));
  }
  const failure = check.ok ? null : describeProblem(check.problem);
  const [target] = await db
    .select({ startDate: targets.startDate })
    .from(targets)
    .where(inOrg(targets, actor, eq(targets.id, metric.targetId)));
  const range = target && check.ok ? backfillRange(target.startDate, now) : null;
  const history = range ? await queryRange(connection, input.query, range) : null;
  await db.transaction(async (tx) => {
    await tx
      .insert(metricBindings)
      .values({
        orgId: actor.orgId,
        metricId: metric.id,
        dataSourceId: input.dataSourceId,
        query: input.query,
        intervalMinutes: input.intervalMinutes,
        nextDueAt: now,
        lastError: failure,
      })
      .onConflictDoUpdate({
        target: [metricBindings.orgId, metricBindings.metricId],
        set: {
          dataSourceId: input.dataSourceId,
          query: input.query,
          intervalMinutes: input.intervalMinutes,
          nextDueAt: now,
          lastError: null,
          failures: 0,
        },
      });
    if (history?.ok && history.value.length > 0) {
      await tx
        .insert(checkIns)
        .values(
          history.value.map((p) => ({ orgId: actor.orgId, metricId: metric.id, at: p.at, value: p.value, source: "prometheus" as const })),
        );
      await refreshMetricsHealth(tx, actor.orgId, [metric.id], now);
    }
  });
  return { binding: await metricBinding(db, actor, metric.id, now), backfilled: history?.ok ? history.value.length : 0 };
}

/** Stops pulling; the values already pulled stay. */
export async function unbindMetric(db: Db, actor: Actor, metricId: string) {
  await loadInScope(db, actor, metrics, metricId, "Metric", "change");
  const [row] = await db
    .delete(metricBindings)
    .where(inReach(metricBindings, actor, eq(metricBindings.metricId, metricId)))
    .returning({ id: metricBindings.id });
  if (!row) throw notFound("Binding");
  return { metricId };
}

/** Pulls the bound metric at once (the "Pull now" button), outside the schedule. */
export async function pullMetricNow(db: Db, actor: Actor, metricId: string, now = new Date()) {
  await loadInScope(db, actor, metrics, metricId, "Metric", "change");
  const [binding] = await db
    .select()
    .from(metricBindings)
    .where(inReach(metricBindings, actor, eq(metricBindings.metricId, metricId)));
  if (!binding) throw new AppError("BAD_REQUEST", "This metric is not bound to a query.");
  const result = await pullBinding(db, binding, now);
  return { ok: result.ok, error: result.error ?? null, binding: await metricBinding(db, actor, metricId, now) };
}
