import { and, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types";
import { metrics, targets } from "../../db/schema/index";
import { healthValidUntil, type JudgedMetric } from "@/lib/targets/health-valid";
import { healthRank } from "./health.sql";

/**
 * The stored health of targets (columns health_rank, health_valid_until,
 * health_version): judged here in TypeScript by the pure rule (status.ts,
 * through healthValidUntil), so that lists and Home read it along an index.
 *
 * Never stale: a trigger (migration 0026_target_health) sets it to unknown
 * (null, -infinity) and bumps health_version on any write to a target's
 * status or timeline, its metrics or their check-ins. Readers take the stored
 * rank while it is known and the moment read is in [health_judged_at,
 * health_valid_until), and judge the rest live (health.sql.ts). This module puts it back: the writers call
 * refreshTargetHealth for what they touched, the sweep (health-sweep.ts) for
 * what time or a forgetful writer left unknown.
 *
 * A re-judgement writes only where health_version is still the one it read:
 * a write that came in between (its trigger bumped the version) wins, and the
 * row stays unknown for the next sweep rather than taking an answer judged on
 * older data.
 */

/** Targets re-judged per statement. */
export const HEALTH_BATCH = 500;

type TargetRow = { id: string; orgId: string; status: string; startDate: string; dueDate: string; healthVersion: number };

const targetColumns = {
  id: targets.id,
  orgId: targets.orgId,
  status: targets.status,
  startDate: targets.startDate,
  dueDate: targets.dueDate,
  healthVersion: targets.healthVersion,
};

/** Re-judges the targets `targetIds` of organisation `orgId` (in the writer's transaction, if it has one). */
export async function refreshTargetHealth(db: Db, orgId: string, targetIds: string[], now = new Date()): Promise<number> {
  let judged = 0;
  const unique = [...new Set(targetIds)];
  for (let i = 0; i < unique.length; i += HEALTH_BATCH) {
    const rows = await db
      .select(targetColumns)
      .from(targets)
      .where(and(eq(targets.orgId, orgId), inArray(targets.id, unique.slice(i, i + HEALTH_BATCH))));
    judged += await judgeAndStore(db, rows, now);
  }
  return judged;
}

/** Re-judges the targets of the metrics `metricIds` (a check-in's writers know the metric). */
export async function refreshMetricsHealth(db: Db, orgId: string, metricIds: string[], now = new Date()): Promise<number> {
  if (metricIds.length === 0) return 0;
  const rows = await db
    .selectDistinct({ targetId: metrics.targetId })
    .from(metrics)
    .where(and(eq(metrics.orgId, orgId), inArray(metrics.id, [...new Set(metricIds)])));
  return refreshTargetHealth(
    db,
    orgId,
    rows.map((r) => r.targetId),
    now,
  );
}

/**
 * One batch of the sweep: up to `limit` targets whose stored health is unknown
 * or has expired (health_valid_until passed), of one organisation or of all,
 * oldest first (index targets_health_valid_idx). Returns how many it judged.
 */
export async function refreshStaleTargetHealth(
  db: Db,
  options: { orgId?: string; limit?: number } = {},
  now = new Date(),
): Promise<number> {
  const expired = lte(targets.healthValidUntil, now.toISOString());
  const rows = await db
    .select(targetColumns)
    .from(targets)
    .where(options.orgId ? and(eq(targets.orgId, options.orgId), expired) : expired)
    .orderBy(targets.healthValidUntil)
    .limit(options.limit ?? HEALTH_BATCH);
  return judgeAndStore(db, rows, now);
}

/** Every stale target of an organisation (or all), batch after batch: for a bulk load (an import, the demo, the bench). */
export async function refreshAllStaleTargetHealth(db: Db, orgId?: string, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const judged = await refreshStaleTargetHealth(db, { orgId, limit: HEALTH_BATCH }, now);
    total += judged;
    if (judged < HEALTH_BATCH) return total;
  }
}

async function judgeAndStore(db: Db, rows: TargetRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const metricRows = await db
    .select()
    .from(metrics)
    .where(
      and(
        // The tenant key first, as every statement names it (a sweep's batch may span organisations).
        inArray(metrics.orgId, [...new Set(rows.map((r) => r.orgId))]),
        inArray(
          metrics.targetId,
          rows.map((r) => r.id),
        ),
      ),
    );
  // Each metric's latest value is on its row (kept by the triggers of migration 0027_metric_latest).
  const metricsOf = new Map<string, JudgedMetric[]>();
  for (const m of metricRows) {
    const list = metricsOf.get(m.targetId) ?? [];
    list.push({ shape: m, latest: m.latestValue });
    metricsOf.set(m.targetId, list);
  }
  const values: SQL[] = rows.map((row) => {
    const judged = healthValidUntil(row, metricsOf.get(row.id) ?? [], now);
    const rank = judged.storable ? sql`${healthRank(judged.health)}::smallint` : sql`null::smallint`;
    const until = judged.storable ? judged.validUntil : judged.liveUntil;
    const untilSql = until === Infinity ? sql`'infinity'::timestamptz` : sql`${new Date(until).toISOString()}::timestamptz`;
    return sql`(${row.id}::uuid, ${row.orgId}::uuid, ${row.healthVersion}::int, ${rank}, ${untilSql})`;
  });
  await db.execute(sql`
    update ${targets} set health_rank = v.rank, health_valid_until = v.until, health_judged_at = ${now.toISOString()}::timestamptz
    from (values ${sql.join(values, sql`, `)}) as v(id, org_id, version, rank, until)
    where ${targets.orgId} = v.org_id and ${targets.id} = v.id and ${targets.healthVersion} = v.version`);
  return rows.length;
}

/**
 * After a write outside a transaction: re-judges the targets it touched. A
 * failure is logged, not raised: the write stands, and its target stays
 * unknown (judged live) until the sweep re-judges it. (Inside a transaction,
 * call refreshTargetHealth: a failed statement there fails the transaction.)
 */
export async function rejudgeAfterWrite(db: Db, orgId: string, target: { targetIds?: string[]; metricIds?: string[] }): Promise<void> {
  try {
    if (target.targetIds?.length) await refreshTargetHealth(db, orgId, target.targetIds);
    if (target.metricIds?.length) await refreshMetricsHealth(db, orgId, target.metricIds);
  } catch (error) {
    console.error("Intersect: a target's health was not re-judged (the sweep will):", error instanceof Error ? error.message : error);
  }
}
