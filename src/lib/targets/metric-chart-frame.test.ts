import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayLabel, dayTicks, metricChartFrame, niceTicks, valueLabels, WIDE_CHART_PX, xTicksFor } from "./metric-chart-frame";

const at = (iso: string) => Date.parse(iso) / 1000;
const DAY = 86_400;

describe("niceTicks", () => {
  it("labels close ticks with the step's decimals, never twice the same", () => {
    expect(valueLabels(niceTicks(999, 1001, 4))).toEqual(["999.0", "999.5", "1,000.0", "1,000.5", "1,001.0"]);
    expect(valueLabels([350, 400, 450])).toEqual(["350", "400", "450"]);
  });

  it("gives round values a 1, 2 or 5 step apart inside the range", () => {
    expect(niceTicks(338, 492, 4)).toEqual([350, 400, 450]);
    expect(niceTicks(99.1, 100.05, 4)).toEqual([99.2, 99.4, 99.6, 99.8, 100]);
    expect(niceTicks(0.1, 0.35, 4)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it("is empty for an empty or broken range", () => {
    expect(niceTicks(5, 5, 4)).toEqual([]);
    expect(niceTicks(Number.NaN, 1, 4)).toEqual([]);
  });

  it("ends, with nothing to show, for a span narrower than its values' precision or finer than the finest tick", () => {
    // A metric may have a baseline of 0.3 and a goal of 0.30000000000000004: the steps would not move the values.
    expect(niceTicks(0.3, 0.30000000000000004, 4)).toEqual([]);
    expect(niceTicks(100, 100.00000000000001, 4)).toEqual([]);
    expect(niceTicks(1e12, 1e12 + 1e-4, 4)).toEqual([]);
    expect(niceTicks(0, 1e-120, 4)).toEqual([]);
  });

  it("stays inside the range, in order, evenly spaced and never many more than asked", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: 1e-9, max: 1e12, noNaN: true }), (lo, span) => {
        const hi = lo + span;
        const ticks = niceTicks(lo, hi, 4);
        // Some round values to show, unless the span is below what the values can tell apart.
        if (span > Math.max(Math.abs(lo), Math.abs(hi)) * 1e-8 && span > 1e-11) expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.length).toBeLessThanOrEqual(9);
        const slack = span * 1e-6;
        for (const t of ticks) {
          expect(t).toBeGreaterThanOrEqual(lo - slack);
          expect(t).toBeLessThanOrEqual(hi + slack);
        }
        const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 0;
        for (let i = 1; i < ticks.length; i++) {
          expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
          expect(Math.abs(ticks[i]! - ticks[i - 1]! - step)).toBeLessThanOrEqual(step * 1e-6);
        }
        // Labelled, no two read the same.
        expect(new Set(valueLabels(ticks)).size).toBe(ticks.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("dayTicks", () => {
  it("labels every day, or every few days, of a short span at UTC midnight", () => {
    expect(dayTicks(at("2026-12-01T00:00:00Z"), at("2026-12-04T00:00:00Z"), 8).map(dayLabel)).toEqual(["Dec 1", "Dec 2", "Dec 3", "Dec 4"]);
    expect(dayTicks(at("2026-12-01T09:30:00Z"), at("2026-12-20T00:00:00Z"), 4).map(dayLabel)).toEqual(["Dec 2", "Dec 9", "Dec 16"]);
  });

  it("labels first days of months for a long span, on months that are a multiple of the step", () => {
    const half = dayTicks(at("2026-09-03T00:00:00Z"), at("2027-03-04T00:00:00Z"), 8);
    expect(half.map(dayLabel)).toEqual(["Oct 1", "Nov 1", "Dec 1", "Jan 1", "Feb 1", "Mar 1"]);
    const narrow = dayTicks(at("2026-09-03T00:00:00Z"), at("2027-03-04T00:00:00Z"), 4);
    expect(narrow.map(dayLabel)).toEqual(["Nov 1", "Jan 1", "Mar 1"]);
    // A December start with a one-month step runs on into January of the next year.
    expect(dayTicks(at("2026-12-15T00:00:00Z"), at("2027-06-01T00:00:00Z"), 8).map(dayLabel)).toEqual([
      "Jan 1",
      "Feb 1",
      "Mar 1",
      "Apr 1",
      "May 1",
      "Jun 1",
    ]);
  });

  it("never gives more ticks than asked, each a UTC midnight inside the span", () => {
    const moment = fc.integer({ min: at("2000-01-01T00:00:00Z"), max: at("2040-01-01T00:00:00Z") });
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: 40 * 365 * DAY }), fc.integer({ min: 1, max: 10 }), (from, span, max) => {
        const ticks = dayTicks(from, from + span, max);
        expect(ticks.length).toBeLessThanOrEqual(max);
        for (const t of ticks) {
          expect(t % DAY).toBe(0);
          expect(t).toBeGreaterThanOrEqual(from);
          expect(t).toBeLessThanOrEqual(from + span);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("metricChartFrame", () => {
  const input = {
    points: [
      { at: new Date("2026-09-05T10:00:00Z"), value: 470 },
      { at: new Date("2026-12-03T08:45:00Z"), value: 420 },
    ],
    baseline: 480,
    goal: 360,
    bandLow: null,
    bandHigh: null,
    startDate: "2026-09-03",
    dueDate: "2027-03-04",
  };

  it("spans the start to the due day, and the values, goal and baseline with a tenth's margin", () => {
    const frame = metricChartFrame(input);
    expect(frame.x).toEqual([at("2026-09-03T00:00:00Z"), at("2027-03-04T00:00:00Z")]);
    expect(frame.y).toEqual([348, 492]);
    expect(frame.due).toBe(at("2027-03-04T00:00:00Z"));
    expect(valueLabels(frame.yTicks)).toEqual(["350", "400", "450"]);
  });

  it("widens to check-ins outside the target's span", () => {
    const late = { ...input, points: [...input.points, { at: new Date("2027-04-01T00:00:00Z"), value: 400 }] };
    expect(metricChartFrame(late).x[1]).toBe(at("2027-04-01T00:00:00Z"));
  });

  it("has a range with no check-ins and no goal at all", () => {
    const frame = metricChartFrame({ ...input, points: [], baseline: null, goal: null });
    expect(frame.y[1]).toBeGreaterThan(frame.y[0]);
    expect(frame.yTicks.length).toBeGreaterThan(0);
  });

  it("picks the wide ticks from the width the sketch's container query switches at", () => {
    const frame = metricChartFrame(input);
    expect(xTicksFor(frame, WIDE_CHART_PX)).toBe(frame.xTicksWide);
    expect(xTicksFor(frame, WIDE_CHART_PX - 1)).toBe(frame.xTicksNarrow);
    expect(frame.xTicksNarrow.length).toBeLessThan(frame.xTicksWide.length);
  });
});
