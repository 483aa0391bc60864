import { describe, expect, it } from "vitest";
import { createMetricInput, updateMetricInput } from "./targets";

const targetId = "00000000-0000-4000-8000-000000000001";
const base = { targetId, name: "P95 latency", kind: "number" as const, unit: "ms", bandLow: null, bandHigh: null };

/** The field paths and messages a metric is refused with. */
function issues(input: Record<string, unknown>) {
  const r = createMetricInput.safeParse({ ...base, ...input });
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("a metric's goal and warning cannot mislead", () => {
  it("refuses the issue's lower-is-better metric: baseline 420, goal 500, warning 350, next to the fields", () => {
    const found = issues({ direction: "lower", baseline: 420, goal: 500, warning: 350 });
    expect(found).toEqual([
      { path: "goal", message: "Lower is better: the goal must be below the baseline." },
      {
        path: "warning",
        message:
          "Lower is better: the warning threshold must be above the goal (between the goal and the baseline, or above the baseline).",
      },
    ]);
  });
  it("accepts a warning between goal and baseline or on the worse side", () => {
    expect(issues({ direction: "lower", baseline: 420, goal: 300, warning: 350 })).toEqual([]);
    expect(issues({ direction: "lower", baseline: 420, goal: 300, warning: 500 })).toEqual([]);
    expect(issues({ direction: "higher", baseline: 99, goal: 99.9, warning: 99.5 })).toEqual([]);
    expect(issues({ direction: "higher", baseline: 99, goal: 99.9, warning: 98 })).toEqual([]);
  });
  it("refuses a higher-is-better goal below the baseline, and a warning past the goal", () => {
    expect(issues({ direction: "higher", baseline: 99, goal: 98, warning: null }).map((i) => i.path)).toEqual(["goal"]);
    expect(issues({ direction: "higher", baseline: 99, goal: 99.9, warning: 99.95 }).map((i) => i.path)).toEqual(["warning"]);
    expect(issues({ direction: "higher", baseline: 99, goal: 99, warning: null }).map((i) => i.path)).toEqual(["goal"]);
  });
  it("refuses a negative band margin (it was saved as 'warning -5%')", () => {
    const found = issues({ direction: "band", unit: "%", bandLow: 40, bandHigh: 60, warning: -5 });
    expect(found.map((i) => i.path)).toEqual(["warning"]);
    expect(found[0]!.message).toMatch(/0 or more/);
    expect(issues({ direction: "band", bandLow: 40, bandHigh: 60, warning: 0 })).toEqual([]);
  });
  it("the same rules hold on an edit", () => {
    const r = updateMetricInput.safeParse({
      ...base,
      id: targetId,
      version: 1,
      direction: "lower",
      baseline: 420,
      goal: 500,
      warning: null,
    });
    expect(r.success).toBe(false);
  });
});

describe("values fit their unit", () => {
  it("refuses 1e308 and a 300-digit number anywhere", () => {
    expect(issues({ direction: "higher", baseline: 1e308, goal: Number.MAX_VALUE }).map((i) => i.path)).toContain("baseline");
    expect(issues({ direction: "higher", baseline: 0, goal: Number("9".repeat(300)) }).map((i) => i.path)).toContain("goal");
  });
  it("refuses a percentage beyond ±10,000%", () => {
    const found = issues({ direction: "higher", unit: "%", baseline: 0, goal: 20_000 });
    expect(found).toEqual([{ path: "goal", message: "A percentage must be between -10,000% and 10,000%." }]);
    expect(issues({ direction: "higher", unit: "%", baseline: 0, goal: 250 })).toEqual([]);
  });
});
