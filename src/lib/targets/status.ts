/**
 * Progress and on-track status of metrics and targets. Pure, shared by the
 * server (lists, sorting) and the browser (charts). The rule, in words:
 *
 * - Progress of a number metric is how far the latest value has moved from
 *   the baseline toward the goal, 0 to 1 (clamped). With no check-in it is 0.
 *   When the goal equals the baseline, it is 1 if the latest value meets the
 *   goal and 0 otherwise.
 * - A metric is **achieved** when its latest value meets the goal (at or
 *   above it for "higher is better", at or below for "lower is better").
 * - A metric with no check-in yet (number or band) is **no data yet**, not
 *   on track: nothing has been measured. Past the due date it is off track.
 * - Otherwise it is compared with the time elapsed from the start date to the
 *   due date: progress at least (elapsed − 10 points) is **on track**, at
 *   least (elapsed − 25 points) is **at risk**, less is **off track**.
 * - A warning threshold, when set, makes a value worse than it at least
 *   **at risk**, whatever the pace.
 * - Past the due date, a metric that is not achieved is **off track**.
 * - A band metric ("stay within") is **on track** inside the band, **at risk**
 *   outside it by no more than the warning margin, **off track** beyond
 *   (without a warning margin, any value outside is off track).
 * - A band metric's progress is 1 inside the band and 0 outside (its own
 *   bar), but it is **left out of the target's progress**: staying within a
 *   band is not a distance covered toward a goal.
 * - A milestone is **achieved** when done; otherwise it follows the pace rule
 *   with progress 0.
 * - A target's health is its worst metric with data (off track < at risk <
 *   on track < achieved); a target whose metrics are all achieved is
 *   achieved; one whose metrics have no data yet is no data yet. A target
 *   with no metrics has no health.
 */
export const HEALTHS = ["achieved", "on_track", "at_risk", "off_track", "no_data"] as const;
export type Health = (typeof HEALTHS)[number];

export const HEALTH_LABELS: Record<Health, string> = {
  achieved: "Achieved",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  no_data: "No data yet",
};

/** Worst first: the order of lists that put trouble on top. */
export const HEALTH_ORDER: Health[] = ["off_track", "at_risk", "no_data", "on_track", "achieved"];

export type MetricShape = {
  kind: "number" | "milestone";
  direction: "higher" | "lower" | "band" | null;
  baseline: number | null;
  goal: number | null;
  bandLow: number | null;
  bandHigh: number | null;
  warning: number | null;
  done: boolean;
};

export type Timeline = { startDate: string; dueDate: string };

export type MetricStatus = { progress: number; health: Health; hasData: boolean; overdue: boolean };

const DAY = 86_400_000;

/** Share of the time from start to the end of the due date that has passed, 0 to 1. */
export function elapsedFraction({ startDate, dueDate }: Timeline, now: Date): number {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${dueDate}T00:00:00Z`) + DAY;
  if (!(end > start)) return now.getTime() >= start ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/**
 * Past the due date: the user's `today` (their calendar day, see lib/today.ts)
 * is after it. Without `today`, the UTC day of `now`; the server always passes
 * the user's, so a target is overdue when its due day has ended for them.
 */
export function isOverdue({ dueDate }: Timeline, now: Date, today = now.toISOString().slice(0, 10)): boolean {
  return today > dueDate;
}

function meetsGoal(m: MetricShape, value: number): boolean {
  if (m.goal === null) return false;
  return m.direction === "lower" ? value <= m.goal : value >= m.goal;
}

export function metricProgress(m: MetricShape, latest: number | null): number {
  if (m.kind === "milestone") return m.done ? 1 : 0;
  if (latest === null) return 0;
  if (m.direction === "band") return m.bandLow !== null && m.bandHigh !== null && latest >= m.bandLow && latest <= m.bandHigh ? 1 : 0;
  if (m.goal === null || m.baseline === null) return 0;
  if (m.goal === m.baseline) return meetsGoal(m, latest) ? 1 : 0;
  return Math.min(1, Math.max(0, (latest - m.baseline) / (m.goal - m.baseline)));
}

function byPace(progress: number, elapsed: number): Health {
  if (progress >= elapsed - 0.1) return "on_track";
  if (progress >= elapsed - 0.25) return "at_risk";
  return "off_track";
}

function worse(a: Health, b: Health): Health {
  return HEALTH_ORDER.indexOf(a) <= HEALTH_ORDER.indexOf(b) ? a : b;
}

/** `today`: the user's calendar day, for "past the due date" (see isOverdue). */
export function metricStatus(m: MetricShape, latest: number | null, timeline: Timeline, now: Date, today?: string): MetricStatus {
  const progress = metricProgress(m, latest);
  const overdue = isOverdue(timeline, now, today);
  const elapsed = elapsedFraction(timeline, now);
  const hasData = m.kind === "milestone" || latest !== null;
  const result = (health: Health): MetricStatus => ({ progress, health, hasData, overdue });

  if (m.kind === "milestone") {
    if (m.done) return result("achieved");
    return result(overdue ? "off_track" : byPace(0, elapsed));
  }
  if (latest === null) return result(overdue ? "off_track" : "no_data");
  if (m.direction === "band") {
    const low = m.bandLow ?? -Infinity;
    const high = m.bandHigh ?? Infinity;
    if (latest >= low && latest <= high) return result("on_track");
    const distance = latest < low ? low - latest : latest - high;
    return result(m.warning !== null && distance <= Math.abs(m.warning) ? "at_risk" : "off_track");
  }
  if (meetsGoal(m, latest)) return result("achieved");
  if (overdue) return result("off_track");
  let health = byPace(progress, elapsed);
  if (m.warning !== null) {
    const beyondWarning = m.direction === "lower" ? latest > m.warning : latest < m.warning;
    if (beyondWarning) health = worse(health, "at_risk");
  }
  return result(health);
}

/** The worst of the metrics with data; all achieved is achieved; none with data is no data yet; no metrics is null. */
export function targetHealth(statuses: Health[]): Health | null {
  if (statuses.length === 0) return null;
  const judged: Health[] = statuses.filter((h) => h !== "no_data");
  return judged.length ? judged.reduce(worse) : "no_data";
}

/** Whether a metric counts in its target's progress: a band metric does not (see above). */
export function countsTowardProgress(m: Pick<MetricShape, "kind" | "direction">): boolean {
  return m.kind === "milestone" || m.direction !== "band";
}

/** Mean progress of the metrics that count toward it (see countsTowardProgress), 0 to 1. */
export function targetProgress(metrics: { progress: number; counts: boolean }[]): number {
  const counted = metrics.filter((m) => m.counts);
  return counted.length ? counted.reduce((a, m) => a + m.progress, 0) / counted.length : 0;
}
