import {
  countsTowardProgress,
  metricStatus,
  targetHealth,
  targetProgress,
  type MetricShape,
  type MetricStatus,
  type Timeline,
} from "./status";

/** A metric's latest check-in, as the server reads it (see status.ts for what it means). */
export type Latest = { value: number; at: Date };

export type WithStatus<M> = M & { latest: Latest | null; status: MetricStatus };

/**
 * A target's metrics with their status, and the target's health and progress
 * from them. Only an active target is judged by pace: a draft, a finished or a
 * dropped one has no health (its progress still shows). `today` is the user's
 * calendar day: past the due date is judged on it (see isOverdue).
 */
export function withStatuses<M extends MetricShape & { id: string }>(
  target: Timeline & { status: string },
  list: M[],
  latest: ReadonlyMap<string, Latest>,
  now: Date,
  today?: string,
) {
  const metrics: WithStatus<M>[] = list.map((m) => {
    const l = latest.get(m.id) ?? null;
    return { ...m, latest: l, status: metricStatus(m, l?.value ?? null, target, now, today) };
  });
  return {
    metrics,
    health: target.status === "active" ? targetHealth(metrics.map((m) => m.status.health)) : null,
    progress: targetProgress(metrics.map((m) => ({ progress: m.status.progress, counts: countsTowardProgress(m) }))),
  };
}
