import { and, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types";
import { checkIns, metrics, targets } from "../../db/schema/index";
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

/** Rows of a hand-written query, from either driver. */
const rowsOf = <R>(result: unknown): R[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as R[];

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
  const latest = await latestOf(db, metricRows);
  const metricsOf = new Map<string, JudgedMetric[]>();
  for (const m of metricRows) {
    const list = metricsOf.get(m.targetId) ?? [];
    list.push({ shape: m, latest: latest.get(m.id) ?? null });
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

/** The latest check-in value of each metric: one index entry of (metric_id, at) each, as targets.read's latestValues. */
async function latestOf(db: Db, metricRows: { id: string; orgId: string }[]): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  if (metricRows.length === 0) return latest;
  const column = (pick: (m: { id: string; orgId: string }) => string) =>
    sql.join(
      metricRows.map((m) => sql`${pick(m)}::uuid`),
      sql`, `,
    );
  const result = await db.execute(sql`
    select m.id as metric_id, c.value from unnest(array[${column((m) => m.id)}], array[${column((m) => m.orgId)}]) as m(id, org_id)
    cross join lateral (
      select ${checkIns.value} as value from ${checkIns}
      where ${checkIns.orgId} = m.org_id and ${checkIns.metricId} = m.id order by ${checkIns.at} desc limit 1
    ) c`);
  for (const r of rowsOf<{ metric_id: string; value: number }>(result)) latest.set(r.metric_id, Number(r.value));
  return latest;
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
