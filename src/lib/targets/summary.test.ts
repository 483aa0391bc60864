import { describe, expect, it } from "vitest";
import type { MetricShape } from "./status";
import { withStatuses } from "./summary";

const uptime = {
  id: "m1",
  kind: "number",
  direction: "higher",
  baseline: 0,
  goal: 100,
  bandLow: null,
  bandHigh: null,
  warning: null,
  done: false,
} satisfies MetricShape & { id: string };
const launch = { ...uptime, id: "m2", kind: "milestone", direction: null, baseline: null, goal: null, done: true } satisfies MetricShape & {
  id: string;
};
const timeline = { startDate: "2026-01-01", dueDate: "2026-04-10" }; // 100 days
const halfway = new Date("2026-02-20T00:00:00Z");

describe("withStatuses", () => {
  it("judges each metric by its latest value and the target by its worst metric", () => {
    const latest = new Map([["m1", { value: 10, at: halfway }]]);
    const result = withStatuses({ ...timeline, status: "active" }, [uptime, launch], latest, halfway);
    expect(result.metrics.map((m) => [m.id, m.latest?.value ?? null, m.status.health])).toEqual([
      ["m1", 10, "off_track"],
      ["m2", null, "achieved"],
    ]);
    expect(result.health).toBe("off_track");
    expect(result.progress).toBeCloseTo((0.1 + 1) / 2);
  });

  it("gives a target that is not active no health, but still its progress", () => {
    const latest = new Map([["m1", { value: 50, at: halfway }]]);
    for (const status of ["draft", "achieved", "missed", "dropped"]) {
      const result = withStatuses({ ...timeline, status }, [uptime], latest, halfway);
      expect(result.health).toBeNull();
      expect(result.progress).toBeCloseTo(0.5);
    }
  });

  it("judges 'past the due date' on the user's day: due on 10 April, still not overdue in New York at 02:00 UTC on the 11th", () => {
    const lateInNewYork = new Date("2026-04-11T02:00:00Z");
    const status = (today?: string) =>
      withStatuses({ ...timeline, status: "active" }, [uptime], new Map(), lateInNewYork, today).metrics[0]!.status;
    expect(status("2026-04-10").overdue).toBe(false);
    expect(status("2026-04-11").overdue).toBe(true);
    // Without a day, the UTC date: the server always passes the user's.
    expect(status().overdue).toBe(true);
  });

  it("a target without metrics has no health and no progress", () => {
    expect(withStatuses({ ...timeline, status: "active" }, [], new Map(), halfway)).toEqual({ metrics: [], health: null, progress: 0 });
  });
});
