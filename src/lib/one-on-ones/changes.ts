import { HEALTH_ORDER, metricStatus, targetHealth, type Health, type MetricShape, type Timeline } from "@/lib/targets/status";

/** How a metric moved between the last 1:1 and now, judged by its direction. */
export type Movement = { then: number | null; now: number | null; delta: number | null; better: boolean | null };

function distanceToBand(m: MetricShape, value: number): number {
  const low = m.bandLow ?? -Infinity;
  const high = m.bandHigh ?? Infinity;
  return value < low ? low - value : value > high ? value - high : 0;
}

export function metricMovement(m: MetricShape, then: number | null, now: number | null): Movement {
  if (then === null || now === null) return { then, now, delta: null, better: null };
  const delta = now - then;
  if (delta === 0) return { then, now, delta, better: null };
  if (m.direction === "band") {
    const before = distanceToBand(m, then);
    const after = distanceToBand(m, now);
    return { then, now, delta, better: before === after ? null : after < before };
  }
  return { then, now, delta, better: m.direction === "lower" ? delta < 0 : delta > 0 };
}

export type HealthChange = { then: Health | null; now: Health | null; direction: "worse" | "better" | "same" };

/**
 * A target's health at the last 1:1 (its metrics' values as they stood then,
 * judged against the time elapsed then) and now. Only active targets are
 * judged by pace; no earlier 1:1 means nothing to compare.
 */
export function healthSince(
  target: Timeline & { status: string },
  metrics: (MetricShape & { then: number | null; now: number | null })[],
  since: Date | null,
  now: Date,
  /** The user's day, so "past the due date" is judged as on every other page. */
  today?: string,
): HealthChange {
  if (target.status !== "active") return { then: null, now: null, direction: "same" };
  const healthNow = targetHealth(metrics.map((m) => metricStatus(m, m.now, target, now, today).health));
  if (!since) return { then: null, now: healthNow, direction: "same" };
  const healthThen = targetHealth(metrics.map((m) => metricStatus(m, m.then, target, since).health));
  if (healthThen === null || healthNow === null || healthThen === healthNow || healthThen === "no_data" || healthNow === "no_data")
    return { then: healthThen, now: healthNow, direction: "same" };
  // HEALTH_ORDER lists the worst first.
  return {
    then: healthThen,
    now: healthNow,
    direction: HEALTH_ORDER.indexOf(healthNow) < HEALTH_ORDER.indexOf(healthThen) ? "worse" : "better",
  };
}
