import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueDayWindow, healthValidUntil, type JudgedMetric } from "./health-valid";
import { metricStatus, targetHealth } from "./status";
import { addDays } from "@/lib/one-on-ones/days";
import { maybe, metricShape, metricValue } from "@/test/health-arbitraries";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const value = metricValue();
const shape = metricShape(value);
const metric: fc.Arbitrary<JudgedMetric> = fc.record({ shape, latest: maybe(value) });

/** A target, and a moment around its timeline: before the start, inside, near the due day's end, past it. */
const target = fc
  .record({
    start: fc.integer({ min: Date.parse("2025-01-01T00:00:00Z") / DAY, max: Date.parse("2027-12-31T00:00:00Z") / DAY }),
    length: fc.integer({ min: -3, max: 200 }),
    at: fc.oneof(fc.integer({ min: -10 * DAY, max: 210 * DAY }), fc.integer({ min: -30 * HOUR, max: 30 * HOUR })),
    nearDueEnd: fc.boolean(),
    status: fc.constantFrom("active", "active", "active", "draft", "achieved"),
    metrics: fc.array(metric, { maxLength: 4 }),
  })
  .map(({ start, length, at, nearDueEnd, status, metrics }) => {
    const startDate = new Date(start * DAY).toISOString().slice(0, 10);
    const dueDate = addDays(startDate, length);
    const dueEnd = Date.parse(`${dueDate}T00:00:00Z`) + DAY;
    return { target: { status, startDate, dueDate }, metrics, now: new Date((nearDueEnd ? dueEnd : start * DAY) + at) };
  });

/** The user's day at `at` in a zone `offset` ms from UTC, as lib/today.ts gives it. */
const dayAt = (at: number, offset: number) => new Date(at + offset).toISOString().slice(0, 10);

function healthFor(t: { status: string; startDate: string; dueDate: string }, list: JudgedMetric[], at: number, today: string) {
  if (t.status !== "active") return null;
  return targetHealth(list.map((m) => metricStatus(m.shape, m.latest, t, new Date(at), today).health));
}

describe("healthValidUntil", () => {
  it("is the health at every moment before validUntil, in every time zone", () => {
    fc.assert(
      fc.property(
        target,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -48, max: 56 }).map((q) => q * 15 * 60_000),
        ({ target: t, metrics, now }, share, offset) => {
          const judged = healthValidUntil(t, metrics, now);
          if (!judged.storable) {
            // Only inside the due day's window, and judged again once it is over.
            const w = dueDayWindow(t);
            expect(now.getTime()).toBeGreaterThanOrEqual(w.start);
            expect(now.getTime()).toBeLessThan(w.end);
            expect(judged.liveUntil).toBe(w.end);
            return;
          }
          expect(judged.validUntil).toBeGreaterThan(now.getTime());
          // The last moment before validUntil, the first, and one in between (within a year when forever).
          const until = Math.min(judged.validUntil, now.getTime() + 365 * DAY);
          const moments = [now.getTime(), until - 1, now.getTime() + Math.floor(share * (until - 1 - now.getTime()))];
          for (const at of moments) expect(healthFor(t, metrics, at, dayAt(at, offset))).toBe(judged.health);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("ends where the health changes: at validUntil it differs for some time zone, or the window begins", () => {
    fc.assert(
      fc.property(target, ({ target: t, metrics, now }) => {
        const judged = healthValidUntil(t, metrics, now);
        if (!judged.storable || judged.validUntil === Infinity) return;
        const at = judged.validUntil;
        if (at === dueDayWindow(t).start) return;
        expect(healthFor(t, metrics, at, dayAt(at, 0))).not.toBe(judged.health);
      }),
      { numRuns: 2000 },
    );
  });

  it("slips from on track to at risk when the time elapsed passes progress + 10 points", () => {
    const m: JudgedMetric = {
      shape: { kind: "number", direction: "higher", baseline: 0, goal: 100, bandLow: null, bandHigh: null, warning: null, done: false },
      latest: 40,
    };
    // 100 days; 40% progress is on track while at most 50% of the time has passed: until day 50, the millisecond after.
    const t = { status: "active", startDate: "2026-01-01", dueDate: "2026-04-10" };
    const judged = healthValidUntil(t, [m], new Date("2026-01-20T00:00:00Z"));
    expect(judged).toEqual({ storable: true, health: "on_track", validUntil: Date.parse("2026-02-20T00:00:00Z") + 1 });
    // Inside the due day's window: live; past it everywhere: off track for good.
    expect(healthValidUntil(t, [m], new Date("2026-04-10T12:00:00Z"))).toEqual({
      storable: false,
      liveUntil: Date.parse("2026-04-11T12:00:00Z"),
    });
    expect(healthValidUntil(t, [m], new Date("2026-04-11T12:00:00Z"))).toEqual({
      storable: true,
      health: "off_track",
      validUntil: Infinity,
    });
  });
});
