import { metricStatus, targetHealth, type Health, type MetricShape, type Timeline } from "./status";

/**
 * How long a target's health stays what it is now, so that it can be stored
 * and read along an index (services/targets/health.stored.ts). The rule is
 * status.ts's; this only says when time alone can change its answer, for a
 * fixed latest value of every metric:
 *
 * - the pace line: the elapsed fraction grows with time, so a metric judged
 *   by pace slips from on track to at risk to off track at computable moments
 *   (it never improves with time alone: the target's health, the worst of its
 *   metrics, only gets worse, which is what lets a binary search find the
 *   first change);
 * - the due date: "past the due date" is judged on the actor's calendar day,
 *   and the actors are in any time zone. From the moment the due day ends in
 *   the earliest zone (UTC+14) until it ends in the latest (UTC−12), the
 *   health depends on who is asking: it is not storable then (judge live).
 *   After that every zone sees the target overdue, and nothing moves again.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The widest offsets from UTC a time zone has (IANA: Etc/GMT+12 to Pacific/Kiritimati). */
export const EARLIEST_ZONE_OFFSET = 14 * HOUR;
export const LATEST_ZONE_OFFSET = -12 * HOUR;

/** The span (epoch ms) during which the due day has ended in some time zones and not in others. */
export function dueDayWindow({ dueDate }: Pick<Timeline, "dueDate">): { start: number; end: number } {
  const endUtc = Date.parse(`${dueDate}T00:00:00Z`) + DAY;
  return { start: endUtc - EARLIEST_ZONE_OFFSET, end: endUtc - LATEST_ZONE_OFFSET };
}

export type JudgedMetric = { shape: MetricShape; latest: number | null };

/** The target's health at `at` on a day no zone is past the due date on (before the window), or one every zone is (after). */
function healthAt(target: Timeline & { status: string }, list: JudgedMetric[], at: number, today: string): Health | null {
  if (target.status !== "active") return null;
  const now = new Date(at);
  return targetHealth(list.map((m) => metricStatus(m.shape, m.latest, target, now, today).health));
}

export type StorableHealth =
  /** The health for every moment in [now, validUntil) in every time zone (validUntil may be Infinity). */
  | { storable: true; health: Health | null; validUntil: number }
  /** Not storable now (the due day's window): judge live until `liveUntil`, then judge again. */
  | { storable: false; liveUntil: number };

/**
 * The health of a target (its status, timeline and metrics with their latest
 * values) at `now`, and the moment it could first be different by time alone
 * (see above). Pure; the property test checks that for any moment in
 * [now, validUntil) and any time zone's day the health is the stored one.
 */
export function healthValidUntil(target: Timeline & { status: string }, list: JudgedMetric[], now: Date): StorableHealth {
  const t = now.getTime();
  // Neither the pace nor the due date matter to a target without a health.
  if (target.status !== "active" || list.length === 0)
    return { storable: true, health: healthAt(target, list, t, target.dueDate), validUntil: Infinity };
  const window = dueDayWindow(target);
  if (t >= window.end) {
    // Past the due day everywhere: elapsed is 1 and every zone is past it, for good.
    return { storable: true, health: healthAt(target, list, t, nextDay(target.dueDate)), validUntil: Infinity };
  }
  if (t >= window.start) return { storable: false, liveUntil: window.end };
  // Before the window no zone is past the due date: judge on the due day itself (not yet overdue).
  const today = target.dueDate;
  const health = healthAt(target, list, t, today);
  // The first moment in (t, window.start) the health differs, or window.start: the health is
  // monotone in time (only worse), so the moments where it is unchanged are one interval.
  if (healthAt(target, list, window.start - 1, today) === health) return { storable: true, health, validUntil: window.start };
  let same = t;
  let differs = window.start - 1;
  while (differs - same > 1) {
    const mid = same + Math.floor((differs - same) / 2);
    if (healthAt(target, list, mid, today) === health) same = mid;
    else differs = mid;
  }
  return { storable: true, health, validUntil: differs };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}
