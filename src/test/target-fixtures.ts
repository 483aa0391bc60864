import type { TestUser } from "./factories";

/**
 * Targets at a known health, for the tests of the stored health and the
 * targets list's pages (services/targets/health.stored.int.test.ts,
 * targets-pages.int.test.ts).
 */

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Someone to own targets: a person at the top of `user`'s chart. */
export function owner(user: TestUser) {
  return user.caller.people.create({ name: "Owner", track: "ic", level: "senior", managerId: null, cadence: "weekly" });
}

/** A target 50 of 100 days in (by default), with one 0 → 10 metric at `value` (null: no check-in). */
export async function targetAt(user: TestUser, ownerId: string, title: string, value: number | null, dueInDays = 49) {
  const now = Date.now();
  const target = await user.caller.targets.create({
    title,
    kind: "speed",
    ownerIds: [ownerId],
    startDate: isoDay(new Date(now - 50 * DAY)),
    dueDate: isoDay(new Date(now + dueInDays * DAY)),
  });
  const metric = await user.caller.targets.addMetric({ targetId: target.id, name: "m", direction: "higher", baseline: 0, goal: 10 });
  if (value !== null) await user.caller.targets.addCheckIn({ metricId: metric.id, value });
  return { target, metric };
}
