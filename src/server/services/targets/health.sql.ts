import { sql, type SQL } from "drizzle-orm";
import { metrics, targets } from "../../db/schema/index";
import { HEALTH_ORDER, type Health } from "@/lib/targets/status";

/**
 * A target's health in SQL, so that lists filter and sort by it (issue #20).
 * The definition stays the pure function in src/lib/targets/status.ts
 * (metricStatus, targetHealth): this module mirrors it clause by clause, and
 * health.sql.int.test.ts proves the two agree on generated metrics, values,
 * timelines and days (fast-check), on PGlite and PostgreSQL.
 *
 * Health is a rank here, its index in HEALTH_ORDER (worst first), so that
 * "worst of" is `min` and "trouble first" is `order by rank`. A target with
 * no health (not active, or no metrics) ranks NO_HEALTH, after every health.
 *
 * Arithmetic is done like the TypeScript does it, so that the comparisons
 * agree to the last bit: times as integer milliseconds since the epoch
 * divided in float8 (IEEE, as JavaScript's numbers), literals as float8.
 */
export const NO_HEALTH = HEALTH_ORDER.length;

const RANK = Object.fromEntries(HEALTH_ORDER.map((h, i) => [h, i])) as Record<Health, number>;

export const healthRank = (health: Health | null): number => (health === null ? NO_HEALTH : RANK[health]);
export const healthOfRank = (rank: number): Health | null => HEALTH_ORDER[rank] ?? null;

/** The moment judged (`now`, as epoch milliseconds) and the actor's calendar day (for "past the due date"). */
export type HealthClock = { now: Date; today: string };

/** SQL for the columns a metric's health reads: those of the `metrics` table, or parameters in a test. */
export type MetricColumns = {
  kind: SQL;
  direction: SQL;
  baseline: SQL;
  goal: SQL;
  bandLow: SQL;
  bandHigh: SQL;
  warning: SQL;
  done: SQL;
};

export type TimelineColumns = { startDate: SQL; dueDate: SQL };

/** The clock as SQL: `now` as a timestamptz and in epoch milliseconds (bigint), and the actor's day (date). */
export type ClockColumns = { nowAt: SQL; nowMs: SQL; today: SQL };

/** A moment as a timestamptz. */
export const momentSql = (at: Date) => sql`${at.toISOString()}::timestamptz`;

export const clockSql = (clock: HealthClock): ClockColumns => ({
  nowAt: momentSql(clock.now),
  nowMs: sql`${clock.now.getTime()}::bigint`,
  today: sql`${clock.today}::date`,
});

/** The clock as placeholders, for a query built once (kernel/prepared.ts); `clockValues` fills them in. */
export const clockPlaceholders: ClockColumns = {
  nowAt: sql`${sql.placeholder("clockNowAt")}::timestamptz`,
  nowMs: sql`${sql.placeholder("clockNowMs")}::bigint`,
  today: sql`${sql.placeholder("clockToday")}::date`,
};

export const clockValues = (clock: HealthClock) => ({
  clockNowAt: clock.now.toISOString(),
  clockNowMs: clock.now.getTime(),
  clockToday: clock.today,
});

const DAY_MS = 86_400_000;
const n = (value: number) => sql.raw(`${value}::float8`);
const rank = (h: Health) => sql.raw(String(RANK[h]));

/** elapsedFraction: the share of start → end of the due date that has passed, 0 to 1. */
function elapsedSql(t: TimelineColumns, clock: ClockColumns): SQL {
  const nowMs = clock.nowMs;
  const startMs = sql`((${t.startDate} - date '1970-01-01')::bigint * ${sql.raw(String(DAY_MS))})`;
  const endMs = sql`(((${t.dueDate} - date '1970-01-01')::bigint + 1) * ${sql.raw(String(DAY_MS))})`;
  return sql`(case when ${endMs} > ${startMs}
    then least(${n(1)}, greatest(${n(0)}, (${nowMs} - ${startMs})::float8 / nullif(${endMs} - ${startMs}, 0)::float8))
    when ${nowMs} >= ${startMs} then ${n(1)} else ${n(0)} end)`;
}

/** byPace: on track within 10 points of the time elapsed, at risk within 25, off track beyond. */
function paceSql(progress: SQL, elapsed: SQL): SQL {
  return sql`(case when ${progress} >= ${elapsed} - ${n(0.1)} then ${rank("on_track")}
    when ${progress} >= ${elapsed} - ${n(0.25)} then ${rank("at_risk")} else ${rank("off_track")} end)`;
}

/**
 * metricProgress of a number metric that is not a band and has not met its
 * goal: min(1, max(0, (latest − baseline) / (goal − baseline))). The clamp is
 * decided before dividing, so that no value can overflow (PostgreSQL raises
 * where JavaScript gives Infinity); the quotient is the same IEEE division.
 */
function progressSql(m: MetricColumns, latest: SQL): SQL {
  const num = sql`(${latest} - ${m.baseline})`;
  const den = sql`(${m.goal} - ${m.baseline})`;
  return sql`(case when ${m.goal} is null or ${m.baseline} is null or ${m.goal} = ${m.baseline} then ${n(0)}
    when ${num} = 0 or (${num} > 0) <> (${den} > 0) then ${n(0)}
    when abs(${num}) >= abs(${den}) then ${n(1)}
    else ${num} / ${den} end)`;
}

/** metricStatus(...).health as its rank, for one metric and its latest value (null: no check-in). */
export function metricHealthRankSql(m: MetricColumns, latest: SQL, t: TimelineColumns, clock: ClockColumns): SQL {
  const overdue = sql`(${clock.today} > ${t.dueDate})`;
  const elapsed = elapsedSql(t, clock);
  const low = sql`coalesce(${m.bandLow}, '-Infinity'::float8)`;
  const high = sql`coalesce(${m.bandHigh}, 'Infinity'::float8)`;
  const meets = sql`(${m.goal} is not null and case when ${m.direction} = 'lower' then ${latest} <= ${m.goal} else ${latest} >= ${m.goal} end)`;
  const beyondWarning = sql`(${m.warning} is not null and case when ${m.direction} = 'lower' then ${latest} > ${m.warning} else ${latest} < ${m.warning} end)`;
  const pace = paceSql(progressSql(m, latest), elapsed);
  return sql`(case
    when ${m.kind} = 'milestone' then
      case when ${m.done} then ${rank("achieved")} when ${overdue} then ${rank("off_track")} else ${paceSql(n(0), elapsed)} end
    when ${latest} is null then case when ${overdue} then ${rank("off_track")} else ${rank("no_data")} end
    when ${m.direction} = 'band' then
      case when ${latest} >= ${low} and ${latest} <= ${high} then ${rank("on_track")}
        when ${m.warning} is not null
          and (case when ${latest} < ${low} then ${low} - ${latest} else ${latest} - ${high} end) <= abs(${m.warning})
          then ${rank("at_risk")}
        else ${rank("off_track")} end
    when ${meets} then ${rank("achieved")}
    when ${overdue} then ${rank("off_track")}
    when ${beyondWarning} then least(${pace}, ${rank("at_risk")})
    else ${pace} end)`;
}

/**
 * targetHealth over metric ranks `r` of an aggregate: the worst judged one
 * (no data left out); all without data is no data; no metrics is no health.
 */
export function targetRankOfMetricRanks(r: SQL): SQL {
  return sql`coalesce(min(${r}) filter (where ${r} <> ${rank("no_data")}), case when count(*) > 0 then ${rank("no_data")} end, ${sql.raw(String(NO_HEALTH))})`;
}

/**
 * The health rank of the target row `targets` of the enclosing query (a
 * scalar subquery): its metrics, each with its latest check-in's value as the
 * metric row keeps it (latest_value, migration 0027_metric_latest), and the
 * worst of them. Only an active target has a health (withStatuses); any other
 * ranks NO_HEALTH.
 */
export function targetHealthRankSql(orgId: string, clock: ClockColumns): SQL {
  const m: MetricColumns = {
    kind: sql`hm.kind`,
    direction: sql`hm.direction`,
    baseline: sql`hm.baseline`,
    goal: sql`hm.goal`,
    bandLow: sql`hm.band_low`,
    bandHigh: sql`hm.band_high`,
    warning: sql`hm.warning`,
    done: sql`hm.done`,
  };
  const timeline = { startDate: sql`${targets.startDate}`, dueDate: sql`${targets.dueDate}` };
  const r = metricHealthRankSql(m, sql`hm.latest_value`, timeline, clock);
  return sql`(case when ${targets.status} <> 'active' then ${sql.raw(String(NO_HEALTH))} else (
    select ${targetRankOfMetricRanks(r)}
    from ${metrics} hm
    where hm.target_id = ${targets.id} and hm.org_id = ${orgId}
  ) end)`;
}
