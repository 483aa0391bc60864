/**
 * The pull schedule's arithmetic (services/integrations/pull.ts runs it):
 * backoff after failures, when a binding is stale, and which days a backfill
 * asks for. Pure, so the server and the metric card agree.
 */

export const PULL_INTERVALS_MINUTES = [15, 60, 360, 1440] as const;
export const DEFAULT_PULL_INTERVAL_MINUTES = 60;
/** How each interval reads on the page. */
export const PULL_INTERVAL_LABELS: Record<(typeof PULL_INTERVALS_MINUTES)[number], string> = {
  15: "Every 15 minutes",
  60: "Hourly",
  360: "Every 6 hours",
  1440: "Daily",
};
const MINUTE = 60_000;
const DAY = 86_400_000;
/** A failing source is retried at most this far apart. */
const MAX_BACKOFF_MINUTES = 24 * 60;

/** The wait after `failures` failures in a row: a minute, doubling, never longer than the interval or a day. */
export function backoffMinutes(intervalMinutes: number, failures: number): number {
  const doubled = 2 ** Math.min(Math.max(failures - 1, 0), 20);
  return Math.min(doubled, intervalMinutes, MAX_BACKOFF_MINUTES);
}

/** Stale: the last successful pull (or the binding, if none yet) is older than two intervals. */
export function isStale(lastSuccessAt: Date | null, boundAt: Date, intervalMinutes: number, now: Date): boolean {
  const since = lastSuccessAt ?? boundAt;
  return now.getTime() - since.getTime() > 2 * intervalMinutes * MINUTE;
}

/** Midnight UTC of the day of `date`. */
export function utcMidnight(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY) * DAY);
}

/**
 * The days a backfill asks for: one value per day at midnight UTC from the
 * target's start date up to today, at most `maxDays` (the most recent ones).
 * Nothing for a target that starts in the future.
 */
export function backfillRange(startDate: string, now: Date, maxDays = 366): { start: Date; end: Date; stepSeconds: number } | null {
  const end = utcMidnight(now);
  let start = new Date(`${startDate}T00:00:00Z`);
  if (start > end) return null;
  const earliest = new Date(end.getTime() - (maxDays - 1) * DAY);
  if (start < earliest) start = earliest;
  return { start, end, stepSeconds: 86_400 };
}

/**
 * After a pause (Prometheus down, every instance stopped), the pull catches up:
 * the times at which values were missed, one interval apart after the last
 * success, up to now, at most `max` (the most recent). Empty when nothing was missed.
 */
export function missedRange(
  lastSuccessAt: Date | null,
  intervalMinutes: number,
  now: Date,
  max = 168,
): { start: Date; end: Date; stepSeconds: number } | null {
  if (!lastSuccessAt) return null;
  const step = intervalMinutes * MINUTE;
  const missed = Math.floor((now.getTime() - lastSuccessAt.getTime()) / step);
  if (missed < 2) return null;
  const first = lastSuccessAt.getTime() + Math.max(1, missed - max + 1) * step;
  return { start: new Date(first), end: now, stepSeconds: intervalMinutes * 60 };
}

/** "just now", "12 minutes ago", "3 hours ago", "2 days ago": how long since a pull, for "from Prometheus, 12 minutes ago". */
export function timeAgo(at: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - at.getTime()) / MINUTE);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
