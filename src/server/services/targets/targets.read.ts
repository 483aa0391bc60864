import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { targetSlo } from "./slo.read";
import type { Db } from "../../db/types";
import { groupBy } from "@/lib/group-by";
import { areas, checkIns, metrics, people, targetOwners, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { inScope, myReport, scopeSql, underMe } from "../kernel/access";
import { userToday } from "../kernel/clock";
import { addDays } from "@/lib/one-on-ones/days";
import type { Health } from "@/lib/targets/status";
import { withStatuses, type Latest, type WithStatus } from "@/lib/targets/summary";
import type { listTargetsInput } from "@/lib/validators/targets";
import { z } from "zod";
import { decodeCursor, pageOf, type Page } from "@/lib/keyset";
import {
  clockPlaceholders,
  clockSql,
  clockValues,
  healthRank,
  NO_HEALTH,
  targetHealthRankSql,
  type ClockColumns,
  type HealthClock,
} from "./health.sql";
import { actorValues, oneOfIds, preparedFor, standIn } from "../kernel/prepared";
import { targetsToCsv, type TargetCsvRow } from "@/lib/targets/csv";
import { ancestorChains, type AncestorBrief } from "./ancestor-chains.read";

export type { AncestorBrief };

// Targets: the reads (the list with health, a target's page with its series,
// the form's options, the CSV). The writes are in targets.write.ts and metrics.write.ts.

export type Target = typeof targets.$inferSelect;
export type Metric = typeof metrics.$inferSelect;

export type MetricWithStatus = WithStatus<Metric>;

/**
 * The latest check-in of each metric that has one, from the metric rows
 * themselves: the triggers of migration 0027_metric_latest keep
 * latest_value and latest_at, so no check-in is read (issue #20).
 */
export function latestOfMetrics(metricRows: { id: string; latestValue: number | null; latestAt: Date | null }[]) {
  const latest = new Map<string, Latest>();
  for (const m of metricRows) if (m.latestValue !== null && m.latestAt !== null) latest.set(m.id, { value: m.latestValue, at: m.latestAt });
  return latest;
}

type PersonBrief = { id: string; name: string; track: "manager" | "ic" };

/** Rows of a hand-written query, from either driver. */
export const rowsOf = <R>(result: unknown): R[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as R[];

export type TargetSummary = Target & {
  /** The targets above this one, root first (empty for a top-level target): "part of …". */
  partOf: AncestorBrief[];
  owners: PersonBrief[];
  areaName: string | null;
  metrics: MetricWithStatus[];
  health: Health | null;
  progress: number;
};

/** The targets list's page size (the input's `limit` may ask for up to MAX_PAGE). */
export const TARGETS_PAGE = 50;

/** The list's key: health rank (trouble first), due date, title, id. A cursor is the last row's. */
const targetsCursor = z.tuple([
  z.number().int().min(0).max(NO_HEALTH),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  z.string().max(1000),
  z.uuid(),
]);

type ListFilters = z.output<typeof listTargetsInput>;
type TargetsCursor = z.output<typeof targetsCursor>;

/** Whether the stored health rank of the row `targets` holds at `nowAt` (a timestamptz): known, and judged for a span [judged at, valid until) that holds it. */
export function storedHealthHolds(nowAt: SQL) {
  return sql<boolean>`(${targets.healthRank} is not null and ${targets.healthJudgedAt} <= ${nowAt} and ${targets.healthValidUntil} > ${nowAt})`;
}

/**
 * The health rank of the row `targets` at `clock`, as SQL: the stored one
 * (health.stored.ts) where it is known and judged for a span [judged at,
 * valid until) that holds the moment read, and judged live (health.sql.ts)
 * otherwise. `isStored` and `isLive` split the rows between the two.
 */
export function healthRankAt(actor: Actor, clock: ClockColumns) {
  const isStored = storedHealthHolds(clock.nowAt);
  const isLive = sql`(${targets.healthRank} is null or ${targets.healthValidUntil} <= ${clock.nowAt} or ${targets.healthJudgedAt} > ${clock.nowAt})`;
  const liveRank = sql`${targetHealthRankSql(actor.orgId, clock)}`;
  const rank = sql<number>`(case when ${isStored} then ${targets.healthRank}::int else ${liveRank} end)`;
  return { isStored, isLive, liveRank, rank };
}

/**
 * The targets the actor sees that match `filters`, in the list's order: trouble
 * first (off track, at risk), then by due date, title and id. The health rank
 * is the stored one (health.stored.ts) where it is known and still valid, and
 * judged live in SQL (health.sql.ts) for the rest, which are few: those written
 * since the last re-judgement, expired, or in their due day's window. With
 * `page`, the rows after its cursor, `page.limit + 1` of them (pageOf keeps
 * `limit`): the first `limit + 1` of the stored ones, read along the index
 * (org_id, health_rank, due_date, title, id), and of the live ones, merged in
 * the list's order, so a page reads a page's worth of rows whatever the org's size.
 * `ranks`: only the health ranks from..to (a health filter, Home's trouble).
 */
function targetRows(
  db: Db,
  actor: Actor,
  filters: ListFilters,
  clock: ClockColumns,
  page?: { after?: TargetsCursor; take: number },
  options: { extra?: SQL; ranks?: [number, number] } = {},
) {
  const input = filters ?? {};
  const { isStored, isLive, liveRank, rank } = healthRankAt(actor, clock);
  const conditions: (SQL | undefined)[] = [options.extra];
  if (input.status) conditions.push(eq(targets.status, input.status));
  if (input.kind) conditions.push(eq(targets.kind, input.kind));
  if (input.areaId) conditions.push(eq(targets.areaId, input.areaId));
  if (input.personId) {
    conditions.push(
      sql`exists (select 1 from ${targetOwners} where ${targetOwners.targetId} = ${targets.id} and ${targetOwners.personId} = ${input.personId} and ${scopeSql(actor, sql`${targetOwners.orgId}`)})`,
    );
  }
  if (input.mine) {
    conditions.push(
      or(
        eq(targets.controllerPersonId, actor.personId),
        sql`exists (select 1 from ${targetOwners} where ${targetOwners.targetId} = ${targets.id} and ${targetOwners.personId} = ${actor.personId} and ${scopeSql(actor, sql`${targetOwners.orgId}`)})`,
      ),
    );
  }
  const ranks: [number, number] | undefined = input.health ? [healthRank(input.health), healthRank(input.health)] : options.ranks;
  // A range rather than a list, so that the stored side stays one ordered range of the index.
  const rankIn = (r: SQL) => (ranks ? sql`${r} between ${ranks[0]} and ${ranks[1]}` : undefined);
  const listOrder = (r: SQL) => [r, asc(targets.dueDate), asc(targets.title), asc(targets.id)];
  let where: SQL | undefined;
  if (page) {
    const after = (r: SQL, type: string) => {
      if (!page.after) return undefined;
      const [ar, due, title, id] = page.after;
      return sql`(${r}, ${targets.dueDate}, ${targets.title}, ${targets.id}) > (${ar}::${sql.raw(type)}, ${due}::date, ${title}::text, ${id}::uuid)`;
    };
    const pick = (side: SQL, r: SQL, type: string) =>
      db
        .select({ id: targets.id })
        .from(targets)
        .where(inScope(targets, actor, ...conditions, side, rankIn(r), after(r, type)))
        .orderBy(...listOrder(r))
        .limit(page.take);
    const storedRank = sql`${targets.healthRank}`;
    where = inScope(
      targets,
      actor,
      sql`${targets.id} in (${pick(isStored, storedRank, "smallint")} union all ${pick(isLive, liveRank, "int")})`,
    );
  } else {
    where = inScope(targets, actor, ...conditions, rankIn(rank));
  }
  const query = db
    .select({ target: targets, areaName: areas.name, rank: rank.as("list_rank") })
    .from(targets)
    .leftJoin(areas, and(eq(areas.id, targets.areaId), eq(areas.orgId, targets.orgId)))
    .where(where)
    .orderBy(sql`list_rank`, asc(targets.dueDate), asc(targets.title), asc(targets.id));
  return page ? query.limit(page.take) : query;
}

/** The moment and the actor's day the list judges health on (see judgingDay: the SQL needs the day before it reads a due date). */
export async function healthClock(db: Db, actor: Actor, now: Date): Promise<HealthClock> {
  return { now, today: await userToday(db, actor, now) };
}

/**
 * A page of the targets list (targets.list): the targets with owners, metrics,
 * latest values and health, filtered and ordered in SQL (health included), a
 * keyset page at a time. A fixed number of queries whatever the org's size;
 * a cursor this list did not hand out is a CursorError (400).
 */
export async function listTargetsPage(db: Db, actor: Actor, input: ListFilters, now = new Date()): Promise<Page<TargetSummary>> {
  const filters = input ?? {};
  const limit = filters.limit ?? TARGETS_PAGE;
  const after = decodeCursor(filters.cursor, targetsCursor);
  const clock = await healthClock(db, actor, now);
  const rank = filters.health === undefined ? undefined : healthRank(filters.health);
  const rows = await targetsPageQuery(db, actor, filters, after !== undefined).execute({
    ...actorValues(actor),
    ...clockValues(clock),
    status: filters.status,
    kind: filters.kind,
    areaId: filters.areaId,
    personId: filters.personId,
    rankFrom: rank,
    rankTo: rank,
    afterRank: after?.[0],
    afterDue: after?.[1],
    afterTitle: after?.[2],
    afterId: after?.[3],
    take: limit + 1,
  });
  const page = pageOf(rows, limit, (r) => [r.rank, r.target.dueDate, r.target.title, r.target.id]);
  return { items: await summariseInOrder(db, actor, page.items, now, clock.today), nextCursor: page.nextCursor };
}

/**
 * targets.list's page query, built once per shape (which filters are set, a
 * cursor or not) and role, every value a placeholder: building its SQL, the
 * live health rule included, cost Drizzle about 5 ms of CPU a request
 * (bench/RESULTS.md, the ladder).
 */
function targetsPageQuery(db: Db, actor: Actor, filters: NonNullable<ListFilters>, cursor: boolean) {
  const set = { s: filters.status, k: filters.kind, a: filters.areaId, p: filters.personId, m: filters.mine, h: filters.health, c: cursor };
  const shape = Object.entries(set)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([letter]) => letter)
    .join("");
  return preparedFor(db, actor, "targets_page", shape, (stand, name) =>
    targetRows(
      db,
      stand,
      {
        status: set.s && standIn("status"),
        kind: set.k && standIn("kind"),
        areaId: set.a && standIn("areaId"),
        personId: set.p && standIn("personId"),
        mine: set.m,
      },
      clockPlaceholders,
      {
        after: cursor ? [standIn("afterRank"), standIn("afterDue"), standIn("afterTitle"), standIn("afterId")] : undefined,
        take: standIn("take"),
      },
      { ranks: set.h ? [standIn("rankFrom"), standIn("rankTo")] : undefined },
    ).prepare(name),
  );
}

/**
 * Every target matching `filters`, in the list's order: for the services that
 * need them all (the CSV export, a handover, a person's own view), each
 * bounded by what it is about rather than by a page.
 */
export async function listTargets(db: Db, actor: Actor, filters: ListFilters, now = new Date()): Promise<TargetSummary[]> {
  const clock = await healthClock(db, actor, now);
  const rows = await targetRows(db, actor, { ...filters, cursor: undefined, limit: undefined }, clockSql(clock));
  return summariseInOrder(db, actor, rows, now, clock.today);
}

/**
 * The day "past the due date" is judged on: the user's, as on Home and the prep
 * page. Every zone's day is within one of the UTC date, so only a target due
 * yesterday or today (UTC) can be judged differently; for any other the UTC
 * date gives the same answer, and the time zone is not read (an actor from a
 * session carries it anyway; one from a test or the command line does not).
 */
export async function judgingDay(db: Db, actor: Actor, dueDates: string[], now: Date): Promise<string> {
  const utcDay = now.toISOString().slice(0, 10);
  const yesterday = addDays(utcDay, -1);
  return dueDates.some((d) => d >= yesterday && d <= utcDay) ? userToday(db, actor, now) : utcDay;
}

/**
 * The summaries of `rows`, trouble first (off track, at risk), in their order otherwise (a stable sort).
 * `partOf: false`: without the chains of targets above (a tree's nodes have their parents in the tree).
 */
export async function summarise(
  db: Db,
  actor: Actor,
  rows: { target: Target; areaName: string | null }[],
  now: Date,
  options: { partOf?: boolean } = {},
): Promise<TargetSummary[]> {
  const summaries = await summariseInOrder(db, actor, rows, now, undefined, options.partOf ?? true);
  return summaries.sort((a, b) => healthRank(a.health) - healthRank(b.health));
}

/** The summaries of `rows` in the order given (the list's, from SQL). `today`: the actor's day, when already known. */
async function summariseInOrder(
  db: Db,
  actor: Actor,
  rows: { target: Target; areaName: string | null }[],
  now: Date,
  knownToday?: string,
  withPartOf = true,
): Promise<TargetSummary[]> {
  const ids = rows.map((r) => r.target.id);
  if (ids.length === 0) return [];
  const [today, ownerRows, metricRows, chains] = await Promise.all([
    knownToday ??
      judgingDay(
        db,
        actor,
        rows.map((r) => r.target.dueDate),
        now,
      ),
    ownersQuery(db, actor).execute({ ...actorValues(actor), ids }),
    metricsQuery(db, actor).execute({ ...actorValues(actor), ids }),
    withPartOf
      ? ancestorChains(
          db,
          actor,
          rows.map((r) => r.target),
        )
      : new Map<string, AncestorBrief[]>(),
  ]);
  const latest = latestOfMetrics(metricRows);
  const ownersOf = groupBy(ownerRows, (o) => o.targetId);
  const metricsOf = groupBy(metricRows, (m) => m.targetId);
  return rows.map(({ target, areaName }) => ({
    ...target,
    areaName,
    partOf: chains.get(target.id) ?? [],
    owners: (ownersOf.get(target.id) ?? []).map(({ targetId: _t, ...p }) => p),
    ...withStatuses(target, metricsOf.get(target.id) ?? [], latest, now, today),
  }));
}

/**
 * The owners of a page of targets, the EM before the IC ("manager" sorts
 * after "ic"). Built once per role, the page's ids one array parameter
 * (kernel/prepared.ts): building it per call was a measurable part of
 * targets.list's request (bench/RESULTS.md, the ladder).
 */
function ownersQuery(db: Db, actor: Actor) {
  return preparedFor(db, actor, "target_owners_of", "", (stand, name) =>
    db
      .select({ targetId: targetOwners.targetId, id: people.id, name: people.name, track: people.track })
      .from(targetOwners)
      .innerJoin(people, and(eq(people.id, targetOwners.personId), eq(people.orgId, targetOwners.orgId)))
      .where(inScope(targetOwners, stand, oneOfIds(targetOwners.targetId, "ids")))
      .orderBy(desc(people.track), asc(people.name))
      .prepare(name),
  );
}

/** The metrics of a page of targets, in their order on a target: built once per role, as ownersQuery. */
function metricsQuery(db: Db, actor: Actor) {
  return preparedFor(db, actor, "target_metrics_of", "", (stand, name) =>
    db
      .select()
      .from(metrics)
      .where(inScope(metrics, stand, oneOfIds(metrics.targetId, "ids")))
      .orderBy(asc(metrics.position), asc(metrics.createdAt))
      .prepare(name),
  );
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
    .select({ target: targets, areaName: areas.name, controllerName: people.name })
    .from(targets)
    .leftJoin(areas, and(eq(areas.id, targets.areaId), eq(areas.orgId, targets.orgId)))
    .leftJoin(people, and(eq(people.id, targets.controllerPersonId), eq(people.orgId, targets.orgId)))
    .where(inScope(targets, actor, eq(targets.id, id)))
    .limit(1);
  if (!row) throw notFound("Target");
  const [[summary], slo] = await Promise.all([
    summarise(db, actor, [{ target: row.target, areaName: row.areaName }], now),
    targetSlo(db, actor, id),
  ]);
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
            where ${scopeSql(actor, sql`org_id`)} and metric_id in ${sql`(${sql.join(
              metricIds.map((m) => sql`${m}`),
              sql`, `,
            )})`}
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
                source: checkIns.source,
                version: checkIns.version,
                rank: sql<number>`row_number() over (partition by ${checkIns.metricId} order by ${checkIns.at} desc)`.as("rank"),
              })
              .from(checkIns)
              .where(inScope(checkIns, actor, inArray(checkIns.metricId, metricIds)))
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
    /** Who set it and decides what is to be hit (shown to the owners and the line above, who see the definition read-only). */
    controllerName: row.controllerName,
    /** The OpenSLO SLO it was imported from (its objective, window and queries), or null. */
    slo,
    /** The actor is its controller: they edit its definition, owners, metrics and status. */
    canEdit: row.target.controllerPersonId === actor.personId,
    /** The controller and the owners check in (the policy's checkInTarget). */
    canCheckIn: row.target.controllerPersonId === actor.personId || summary!.owners.some((o) => o.id === actor.personId),
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

/** Active people the actor may make owners (their part of the chart, themselves included) and areas with their pairs, for the owners picker. */
export async function targetFormOptions(db: Db, actor: Actor) {
  const [peopleRows, areaRows] = await Promise.all([
    db
      .select({ id: people.id, name: people.name, track: people.track, level: people.level })
      .from(people)
      .where(inScope(people, actor, underMe(actor, people.id), isNull(people.archivedAt)))
      .orderBy(asc(people.name)),
    db
      .select({ id: areas.id, name: areas.name, emPersonId: areas.emPersonId, icPersonId: areas.icPersonId })
      .from(areas)
      .where(inScope(areas, actor))
      .orderBy(asc(areas.name)),
  ]);
  // `selfId`: the actor, left out of a sub-target's owners (they are people below the one who sets it).
  return { people: peopleRows, areas: areaRows, selfId: actor.personId };
}

/** Every target with its metrics' latest values, as CSV (a row per metric). */
export async function targetsCsv(db: Db, actor: Actor, now = new Date()) {
  const list = await listTargets(db, actor, {}, now);
  return targetsToCsv(
    list.flatMap((t): TargetCsvRow[] => {
      const base = {
        title: t.title,
        kind: t.kind,
        status: t.status,
        health: t.health,
        owners: t.owners.map((o) => o.name),
        areaName: t.areaName,
        startDate: t.startDate,
        dueDate: t.dueDate,
      };
      return t.metrics.length ? t.metrics.map((m) => ({ ...base, metric: m })) : [{ ...base, metric: null }];
    }),
  );
}

/**
 * Home's targets in trouble: the first `limit` active ones (off track, then at
 * risk, in the list's order) closest to the actor, that they control or own,
 * or that one of their direct reports owns. A skip-level sees the targets
 * further down on the Targets page; Home stays the size of the actor's own
 * span, whatever the org's size below them. Health is judged in SQL
 * (health.sql.ts) and only the page is summarised (issue #20: Home had read
 * and summarised every target near the actor to keep a few).
 */
export async function listTroubleNearMe(db: Db, actor: Actor, limit: number, now = new Date()): Promise<TargetSummary[]> {
  const ownedNearMe = sql`exists (select 1 from ${targetOwners} where ${scopeSql(actor, sql`${targetOwners.orgId}`)} and ${targetOwners.targetId} = ${targets.id}
    and (${targetOwners.personId} = ${actor.personId} or ${myReport(actor, targetOwners.personId)}))`;
  const clock = await healthClock(db, actor, now);
  // Off track and at risk are the first two ranks (HEALTH_ORDER, worst first).
  const trouble: [number, number] = [healthRank("off_track"), healthRank("at_risk")];
  const rows = await targetRows(
    db,
    actor,
    { status: "active" },
    clockSql(clock),
    { take: limit + 1 },
    { extra: or(eq(targets.controllerPersonId, actor.personId), ownedNearMe), ranks: trouble },
  );
  return summariseInOrder(db, actor, rows.slice(0, limit), now, clock.today);
}
