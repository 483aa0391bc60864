/**
 * The autonomy trend (monthlyAutonomy in review.ts, the definition) from the
 * months kept in autonomy_months instead of the whole level history. Those
 * months are UTC calendar months; the trend's are the user's. So the changes
 * close to a UTC month's start (within EDGE_HOURS, more than any zone's
 * offset) are read too, and each whose month is another in the user's zone
 * moves from its UTC month to theirs. Then each month's end is the running sum:
 * the sum and count of every task's latest autonomy, as the replay gives.
 */

/** One month of a person's tasks (summed over the delegators read): see the autonomy_months schema. */
export type AutonomyMonth = { month: string; changes: number; tasks: number; autonomySum: number };
/** A level change near a UTC month's start: its step from the task's previous autonomy, and whether it was the task's first. */
export type EdgeChange = { at: Date; step: number; first: boolean };

/** More than the largest offset from UTC (+14:00, −12:00): every change whose month differs by zone is this close to a month's start. */
export const EDGE_HOURS = 15;

const utcMonth = (instant: Date) => instant.toISOString().slice(0, 7);

/** The UTC instants around which the edge changes are read: the start of each month kept, and of the month after it. */
export function monthStarts(months: readonly string[]): Date[] {
  const starts = new Map<number, Date>();
  for (const month of months) {
    const [y, m] = month.split("-").map(Number) as [number, number];
    for (const k of [0, 1]) {
      const start = new Date(Date.UTC(y, m - 1 + k, 1));
      starts.set(start.getTime(), start);
    }
  }
  return [...starts.values()].sort((a, b) => a.getTime() - b.getTime());
}

export function trendFromMonths(
  months: readonly AutonomyMonth[],
  edges: readonly EdgeChange[],
  /** The user's day of an instant (UserClock.dayOf), so a month is theirs, not UTC's. */
  dayOf: (instant: Date) => string = (instant) => instant.toISOString().slice(0, 10),
): { month: string; average: number }[] {
  const byMonth = new Map<string, AutonomyMonth>();
  const bucket = (month: string) => {
    let b = byMonth.get(month);
    if (!b) byMonth.set(month, (b = { month, changes: 0, tasks: 0, autonomySum: 0 }));
    return b;
  };
  for (const m of months) {
    const b = bucket(m.month.slice(0, 7));
    b.changes += m.changes;
    b.tasks += m.tasks;
    b.autonomySum += m.autonomySum;
  }
  for (const edge of edges) {
    const from = utcMonth(edge.at);
    const to = dayOf(edge.at).slice(0, 7);
    if (from === to) continue;
    const a = bucket(from);
    const b = bucket(to);
    a.changes -= 1;
    b.changes += 1;
    a.autonomySum -= edge.step;
    b.autonomySum += edge.step;
    if (edge.first) {
      a.tasks -= 1;
      b.tasks += 1;
    }
  }
  const out: { month: string; average: number }[] = [];
  let sum = 0;
  let count = 0;
  for (const b of [...byMonth.values()].sort((x, y) => x.month.localeCompare(y.month))) {
    sum += b.autonomySum;
    count += b.tasks;
    // Only the months with a change, as the replay; rounded, so sums in another order read the same.
    // Rounded off the sums' float noise; `|| 0` because a noise just under zero rounds to -0, which is no average.
    if (b.changes > 0 && count > 0) out.push({ month: b.month, average: Math.round((sum / count) * 1e9) / 1e9 || 0 });
  }
  return out;
}
