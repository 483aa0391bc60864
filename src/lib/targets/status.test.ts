import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countsTowardProgress,
  elapsedFraction,
  HEALTH_LABELS,
  metricProgress,
  metricStatus,
  targetHealth,
  targetProgress,
  type MetricShape,
} from "./status";

const uptime: MetricShape = {
  kind: "number",
  direction: "higher",
  baseline: 99.0,
  goal: 99.9,
  bandLow: null,
  bandHigh: null,
  warning: null,
  done: false,
};
const latency: MetricShape = { ...uptime, direction: "lower", baseline: 800, goal: 300 };
const timeline = { startDate: "2026-01-01", dueDate: "2026-04-10" }; // 100 days
const day = (n: number) => new Date(Date.parse("2026-01-01T00:00:00Z") + n * 86_400_000);

describe("metricProgress", () => {
  it("measures from baseline toward goal in either direction", () => {
    expect(metricProgress(uptime, 99.45)).toBeCloseTo(0.5);
    expect(metricProgress(latency, 550)).toBeCloseTo(0.5);
  });
  it("is 0 with no check-ins yet", () => {
    expect(metricProgress(uptime, null)).toBe(0);
  });
  it("clamps a value past the goal to 1 and one worse than the baseline to 0", () => {
    expect(metricProgress(uptime, 99.99)).toBe(1);
    expect(metricProgress(latency, 1200)).toBe(0);
  });
  it("with the goal equal to the baseline: 1 when met, 0 when not", () => {
    const hold = { ...uptime, baseline: 99.9, goal: 99.9 };
    expect(metricProgress(hold, 99.9)).toBe(1);
    expect(metricProgress(hold, 99.8)).toBe(0);
  });
});

const band: MetricShape = { ...uptime, direction: "band", bandLow: 40, bandHigh: 60, warning: 10 };

describe("metricStatus", () => {
  it("no check-ins: no data yet (never on track), off track once past the due date", () => {
    expect(metricStatus(uptime, null, timeline, day(0)).health).toBe("no_data");
    expect(metricStatus(uptime, null, timeline, day(0)).hasData).toBe(false);
    expect(metricStatus(uptime, null, timeline, day(50)).health).toBe("no_data");
    expect(metricStatus(band, null, timeline, day(0)).health).toBe("no_data");
    expect(metricStatus(uptime, null, timeline, day(500)).health).toBe("off_track");
  });
  it("the issue's lower-is-better metric with no check-in is no data yet, not on track", () => {
    const ms = { ...latency, baseline: 420, goal: 350, warning: 400 };
    expect(metricStatus(ms, null, timeline, day(1)).health).toBe("no_data");
    expect(HEALTH_LABELS[metricStatus(ms, null, timeline, day(1)).health]).toBe("No data yet");
  });
  it("paces progress against elapsed time", () => {
    expect(metricStatus(uptime, 99.45, timeline, day(50)).health).toBe("on_track"); // 50% at 50%
    expect(metricStatus(uptime, 99.27, timeline, day(50)).health).toBe("at_risk"); // 30% at 50%
    expect(metricStatus(uptime, 99.09, timeline, day(50)).health).toBe("off_track"); // 10% at 50%
  });
  it("a value past the goal is achieved, even before the due date", () => {
    expect(metricStatus(latency, 250, timeline, day(10)).health).toBe("achieved");
  });
  it("an overdue metric not achieved is off track; an achieved one stays achieved", () => {
    expect(metricStatus(uptime, 99.8, timeline, day(101)).health).toBe("off_track");
    expect(metricStatus(uptime, 99.95, timeline, day(101)).health).toBe("achieved");
    expect(metricStatus(uptime, 99.8, timeline, day(101)).overdue).toBe(true);
  });
  it("the due date counts as a whole day", () => {
    expect(metricStatus(uptime, 99.85, timeline, new Date("2026-04-10T23:00:00Z")).overdue).toBe(false);
  });
  it("a value worse than the warning threshold is at least at risk", () => {
    const warned = { ...latency, warning: 500 };
    expect(metricStatus(warned, 520, timeline, day(5)).health).toBe("at_risk");
    expect(metricStatus(warned, 480, timeline, day(5)).health).toBe("on_track");
  });
  it("a band: inside on track, within the margin at risk, beyond off track", () => {
    expect(metricStatus(band, 50, timeline, day(50)).health).toBe("on_track");
    expect(metricStatus(band, 65, timeline, day(50)).health).toBe("at_risk");
    expect(metricStatus(band, 25, timeline, day(50)).health).toBe("off_track");
    expect(metricStatus(band, null, timeline, day(50)).health).toBe("no_data");
  });
  it("milestones are achieved when done", () => {
    const milestone: MetricShape = { ...uptime, kind: "milestone", direction: null, done: true };
    expect(metricStatus(milestone, null, timeline, day(90)).health).toBe("achieved");
    expect(metricStatus({ ...milestone, done: false }, null, timeline, day(90)).health).toBe("off_track");
  });
  it("more progress never makes a metric look worse (property)", () => {
    const order = ["off_track", "at_risk", "on_track", "achieved"];
    fc.assert(
      fc.property(
        fc.double({ min: 99, max: 100, noNaN: true }),
        fc.double({ min: 99, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        (a, b, d) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const worse = order.indexOf(metricStatus(uptime, lo, timeline, day(d)).health);
          const better = order.indexOf(metricStatus(uptime, hi, timeline, day(d)).health);
          expect(better).toBeGreaterThanOrEqual(worse);
        },
      ),
    );
  });
});

describe("targets", () => {
  it("health is the worst metric; all achieved is achieved; none is null", () => {
    expect(targetHealth(["achieved", "at_risk", "on_track"])).toBe("at_risk");
    expect(targetHealth(["achieved", "achieved"])).toBe("achieved");
    expect(targetHealth([])).toBeNull();
  });
  it("health leaves out metrics with no data yet; all without data is no data yet", () => {
    expect(targetHealth(["no_data", "on_track"])).toBe("on_track");
    expect(targetHealth(["no_data", "off_track"])).toBe("off_track");
    expect(targetHealth(["no_data", "no_data"])).toBe("no_data");
  });
  it("progress leaves band metrics out: in band is not a distance covered (a band at 100% inflated it to 83%)", () => {
    expect(countsTowardProgress(band)).toBe(false);
    expect(countsTowardProgress(uptime)).toBe(true);
    const metrics = [
      { progress: 1, counts: countsTowardProgress(band) },
      { progress: 0.5, counts: countsTowardProgress(uptime) },
    ];
    expect(targetProgress(metrics)).toBe(0.5);
    expect(targetProgress([{ progress: 1, counts: false }])).toBe(0);
  });
  it("elapsed time is clamped to the target's span", () => {
    expect(elapsedFraction(timeline, day(-5))).toBe(0);
    expect(elapsedFraction(timeline, day(50))).toBeCloseTo(0.5);
    expect(elapsedFraction(timeline, day(500))).toBe(1);
  });
});
