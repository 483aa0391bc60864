import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types";
import { groupBy } from "@/lib/group-by";
import { areas, checkIns, metrics, people, targetOwners, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { fieldError, notFound } from "../kernel/errors";
import { ownedBy } from "../kernel/scope";
import { bumpVersion, saveVersioned, staleVersion } from "../kernel/versioned";
import { HEALTH_ORDER, metricStatus, targetHealth, targetProgress, type Health, type MetricStatus } from "@/lib/targets/status";
import {
  createTargetInput,
  listTargetsInput,
  setTargetStatusInput,
  updateTargetInput,
  type CreateTargetInput,
  type ListTargetsInput,
  type UpdateTargetInput,
} from "@/lib/validators/targets";
import type { z } from "zod";
import { targetsToCsv, type TargetCsvRow } from "@/lib/targets/csv";

export type Target = typeof targets.$inferSelect;
export type Metric = typeof metrics.$inferSelect;

export async function getOwnedTarget(db: Db, actor: Actor, id: string): Promise<Target> {
  const [row] = await db.select().from(targets).where(ownedBy(targets, actor, eq(targets.id, id))).limit(1);
  if (!row) throw notFound("Target");
  return row;
}

/** Owners and area must be this account's; owners active. */
async function checkRefs(db: Db, actor: Actor, ownerIds: string[], areaId: string | null) {
  const unique = [...new Set(ownerIds)];
  const found = await db
    .select({ id: people.id, archivedAt: people.archivedAt })
    .from(people)
    .where(ownedBy(people, actor, inArray(people.id, unique)));
  if (found.length !== unique.length) throw fieldError("NOT_FOUND", "ownerIds", "An owner is not in your organisation.");
  if (found.some((p) => p.archivedAt)) throw fieldError("BAD_REQUEST", "ownerIds", "An owner is archived.");
  if (areaId) {
    const [area] = await db.select({ id: areas.id }).from(areas).where(ownedBy(areas, actor, eq(areas.id, areaId)));
    if (!area) throw fieldError("NOT_FOUND", "areaId", "That area is not yours.");
  }
  return unique;
}

export async function createTarget(db: Db, actor: Actor, raw: CreateTargetInput): Promise<Target> {
  const { ownerIds, ...input } = createTargetInput.parse(raw);
  const owners = await checkRefs(db, actor, ownerIds, input.areaId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(targets).values({ ownerId: actor.userId, ...input }).returning();
    await tx.insert(targetOwners).values(owners.map((personId) => ({ ownerId: actor.userId, targetId: row!.id, personId })));
    return row!;
  });
}

export async function updateTarget(db: Db, actor: Actor, raw: UpdateTargetInput): Promise<Target> {
  const { id, version, ownerIds, ...input } = updateTargetInput.parse(raw);
  // A stale form is answered as such first: its owners may be stale too (archived since, say).
  if ((await getOwnedTarget(db, actor, id)).version !== version) throw staleVersion("target");
  const owners = await checkRefs(db, actor, ownerIds, input.areaId);
  return db.transaction(async (tx) => {
    // The owners are replaced only by the save that won the version.
    const row = await saveVersioned(tx, targets, { where: ownedBy(targets, actor, eq(targets.id, id)), version, set: { ...input, updatedAt: new Date() }, what: "target" });
    await tx.delete(targetOwners).where(ownedBy(targetOwners, actor, eq(targetOwners.targetId, id)));
    await tx.insert(targetOwners).values(owners.map((personId) => ({ ownerId: actor.userId, targetId: id, personId })));
    return row;
  });
}

export async function setTargetStatus(db: Db, actor: Actor, raw: z.input<typeof setTargetStatusInput>) {
  const { id, status } = setTargetStatusInput.parse(raw);
  const [row] = await db
    .update(targets)
    // The edit form saves the status too: a form opened before this change is stale now.
    .set({ status, version: bumpVersion(targets.version), updatedAt: new Date() })
    .where(ownedBy(targets, actor, eq(targets.id, id)))
    .returning();
  if (!row) throw notFound("Target");
  return row;
}

export async function deleteTarget(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(targets).where(ownedBy(targets, actor, eq(targets.id, id))).returning();
  if (!row) throw notFound("Target");
  return row;
}

/**
 * The latest check-in of each metric (or the latest at or before `asOf`): one
 * query, a lateral lookup per metric that reads one index entry from
 * (metric_id, at), however many check-ins each metric has.
 */
export async function latestValues(db: Db, actor: Actor, metricIds: string[], asOf?: Date) {
  const latest = new Map<string, { value: number; at: Date }>();
  if (metricIds.length === 0) return latest;
  const ids = sql.join(metricIds.map((id) => sql`${id}::uuid`), sql`, `);
  const result = await db.execute<{ metric_id: string; value: number; at: string | Date }>(sql`
    select m.id as metric_id, c.value, c.at
    from unnest(array[${ids}]) as m(id)
    cross join lateral (
      select ${checkIns.value} as value, ${checkIns.at} as at from ${checkIns}
      where ${checkIns.metricId} = m.id and ${checkIns.ownerId} = ${actor.userId}
      ${asOf ? sql`and ${checkIns.at} <= ${asOf.toISOString()}::timestamptz` : sql``}
      order by ${checkIns.at} desc
      limit 1
    ) c`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { metric_id: string; value: number; at: string | Date }[];
  for (const r of rows) latest.set(r.metric_id, { value: Number(r.value), at: new Date(r.at) });
  return latest;
}

export type MetricWithStatus = Metric & { latest: { value: number; at: Date } | null; status: MetricStatus };

function withStatuses(target: Target, list: Metric[], latest: Map<string, { value: number; at: Date }>, now: Date) {
  const ms: MetricWithStatus[] = list.map((m) => {
    const l = latest.get(m.id) ?? null;
    return { ...m, latest: l, status: metricStatus(m, l?.value ?? null, target, now) };
  });
  // Draft, finished or dropped targets are not judged by pace.
  const judged = target.status === "active";
  return {
    metrics: ms,
    health: judged ? targetHealth(ms.map((m) => m.status.health)) : null,
    progress: targetProgress(ms.map((m) => m.status.progress)),
  };
}

type PersonBrief = { id: string; name: string; track: "manager" | "ic" };

export type TargetSummary = Target & {
  owners: PersonBrief[];
  areaName: string | null;
  metrics: MetricWithStatus[];
  health: Health | null;
  progress: number;
};

/**
 * Targets with owners, metrics, latest values and health; trouble first
 * (off track, at risk), then by due date. Four queries whatever the count.
 */
export async function listTargets(db: Db, actor: Actor, raw: ListTargetsInput, now = new Date()): Promise<TargetSummary[]> {
  const input = listTargetsInput.parse(raw) ?? {};
  const conditions: (SQL | undefined)[] = [];
  if (input.status) conditions.push(eq(targets.status, input.status));
  if (input.kind) conditions.push(eq(targets.kind, input.kind));
  if (input.areaId) conditions.push(eq(targets.areaId, input.areaId));
  if (input.personId) {
    conditions.push(
      sql`exists (select 1 from ${targetOwners} where ${targetOwners.targetId} = ${targets.id} and ${targetOwners.personId} = ${input.personId} and ${targetOwners.ownerId} = ${actor.userId})`,
    );
  }
  const rows = await db
    .select({ target: targets, areaName: areas.name })
    .from(targets)
    .leftJoin(areas, and(eq(areas.id, targets.areaId), eq(areas.ownerId, targets.ownerId)))
    .where(ownedBy(targets, actor, ...conditions))
    .orderBy(asc(targets.dueDate), asc(targets.title));
  return summarise(db, actor, rows, now);
}

async function summarise(db: Db, actor: Actor, rows: { target: Target; areaName: string | null }[], now: Date) {
  const ids = rows.map((r) => r.target.id);
  if (ids.length === 0) return [];
  const [ownerRows, metricRows] = await Promise.all([
    db
      .select({ targetId: targetOwners.targetId, id: people.id, name: people.name, track: people.track })
      .from(targetOwners)
      .innerJoin(people, eq(people.id, targetOwners.personId))
      .where(ownedBy(targetOwners, actor, inArray(targetOwners.targetId, ids)))
      // The EM before the IC ("manager" sorts after "ic").
      .orderBy(desc(people.track), asc(people.name)),
    db.select().from(metrics).where(ownedBy(metrics, actor, inArray(metrics.targetId, ids))).orderBy(asc(metrics.position), asc(metrics.createdAt)),
  ]);
  const latest = await latestValues(db, actor, metricRows.map((m) => m.id));
  const ownersOf = groupBy(ownerRows, (o) => o.targetId);
  const metricsOf = groupBy(metricRows, (m) => m.targetId);
  const summaries = rows.map(({ target, areaName }) => ({
    ...target,
    areaName,
    owners: (ownersOf.get(target.id) ?? []).map(({ targetId: _t, ...p }) => p),
    ...withStatuses(target, metricsOf.get(target.id) ?? [], latest, now),
  }));
  const rank = (h: Health | null) => (h === null ? HEALTH_ORDER.length : HEALTH_ORDER.indexOf(h));
  return summaries.sort((a, b) => rank(a.health) - rank(b.health));
}

/** Chart points per metric: at most this many, averaged per time bucket on the server. */
export const CHART_POINTS = 400;

/**
 * A target's page: the target, owners, metrics with status, each metric's
 * downsampled series and its latest check-ins. A fixed number of queries,
 * whatever the number of check-ins.
 */
export async function getTargetDetail(db: Db, actor: Actor, id: string, now = new Date()) {
  const [row] = await db
    .select({ target: targets, areaName: areas.name })
    .from(targets)
    .leftJoin(areas, and(eq(areas.id, targets.areaId), eq(areas.ownerId, targets.ownerId)))
    .where(ownedBy(targets, actor, eq(targets.id, id)))
    .limit(1);
  if (!row) throw notFound("Target");
  const [summary] = await summarise(db, actor, [row], now);
  const metricIds = summary!.metrics.map((m) => m.id);
  const [series, recent] = metricIds.length
    ? await Promise.all([
        // ntile splits each metric's check-ins into at most CHART_POINTS buckets of
        // consecutive times; each bucket becomes one point (its mean, at its last time).
        db.execute<{ metric_id: string; at: string | Date; value: number; n: number }>(sql`
          select metric_id, max(at) as at, avg(value)::float8 as value, count(*)::int as n
          from (
            select metric_id, at, value, ntile(${CHART_POINTS}) over (partition by metric_id order by at) as bucket
            from ${checkIns}
            where owner_id = ${actor.userId} and metric_id in ${sql`(${sql.join(metricIds.map((m) => sql`${m}`), sql`, `)})`}
          ) b
          group by metric_id, bucket
          order by metric_id, max(at)`),
        db
          .select()
          .from(
            db
              .select({
                id: checkIns.id,
                metricId: checkIns.metricId,
                at: checkIns.at,
                value: checkIns.value,
                note: checkIns.note,
                version: checkIns.version,
                rank: sql<number>`row_number() over (partition by ${checkIns.metricId} order by ${checkIns.at} desc)`.as("rank"),
              })
              .from(checkIns)
              .where(ownedBy(checkIns, actor, inArray(checkIns.metricId, metricIds)))
              .as("ranked"),
          )
          .where(sql`rank <= 20`),
      ])
    : [{ rows: [] as never[] }, []];
  const seriesRows = (Array.isArray(series) ? series : (series as { rows: unknown[] }).rows) as {
    metric_id: string;
    at: string | Date;
    value: number;
    n: number;
  }[];
  return {
    ...summary!,
    metrics: summary!.metrics.map((m) => ({
      ...m,
      series: seriesRows
        .filter((p) => p.metric_id === m.id)
        .map((p) => ({ at: new Date(p.at), value: Number(p.value), count: Number(p.n) })),
      recent: recent
        .filter((c) => c.metricId === m.id)
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .map(({ rank: _r, metricId: _m, ...c }) => c),
    })),
  };
}

/** Active people and areas with their pairs, for the owners picker. */
export async function targetFormOptions(db: Db, actor: Actor) {
  const [peopleRows, areaRows] = await Promise.all([
    db
      .select({ id: people.id, name: people.name, track: people.track, level: people.level })
      .from(people)
      .where(ownedBy(people, actor, isNull(people.archivedAt)))
      .orderBy(asc(people.name)),
    db
      .select({ id: areas.id, name: areas.name, emPersonId: areas.emPersonId, icPersonId: areas.icPersonId })
      .from(areas)
      .where(ownedBy(areas, actor))
      .orderBy(asc(areas.name)),
  ]);
  return { people: peopleRows, areas: areaRows };
}

/** Every target with its metrics' latest values, as CSV (a row per metric). */
export async function targetsCsv(db: Db, actor: Actor, now = new Date()) {
  const list = await listTargets(db, actor, {}, now);
  return targetsToCsv(
    list.flatMap((t): TargetCsvRow[] => {
      const base = { title: t.title, kind: t.kind, status: t.status, health: t.health, owners: t.owners.map((o) => o.name), areaName: t.areaName, startDate: t.startDate, dueDate: t.dueDate };
      return t.metrics.length ? t.metrics.map((m) => ({ ...base, metric: m })) : [{ ...base, metric: null }];
    }),
  );
}
