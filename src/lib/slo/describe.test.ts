import { describe, expect, it } from "vitest";
import { budgetText, burnText, describeObjective, describeWindow, percent } from "./describe";
import type { SloSpec } from "./spec";

const common = {
  name: "x",
  displayName: null,
  description: null,
  service: "x",
  indicator: { name: "x", displayName: null },
  window: { duration: "28d", rolling: true, calendar: null },
  objective: { displayName: null, target: 0.999 },
};

describe("an SLO in words", () => {
  it("windows", () => {
    expect(describeWindow({ duration: "28d", rolling: true, calendar: null })).toBe("28 days, rolling");
    expect(describeWindow({ duration: "1w", rolling: true, calendar: null })).toBe("1 week, rolling");
    expect(describeWindow({ duration: "30d", rolling: false, calendar: { startTime: "2026-01-01 00:00:00", timeZone: "UTC" } })).toBe(
      "30 days, from 2026-01-01 00:00:00 (UTC)",
    );
  });

  it("objectives", () => {
    expect(percent(0.999)).toBe("99.9%");
    expect(percent(0.9995)).toBe("99.95%");
    const ratio: SloSpec = {
      ...common,
      kind: "availability",
      ratio: { counter: true, numerator: "good", numeratorQuery: "a", totalQuery: "b" },
    };
    expect(describeObjective(ratio)).toBe("99.9% of events good");
    const latency: SloSpec = {
      ...common,
      kind: "latency",
      threshold: { query: "q", op: "lte", value: 0.3, unit: "s" },
      objective: { displayName: null, target: 0.99 },
    };
    expect(describeObjective(latency)).toBe("at most 0.3 s in 99% of samples");
  });

  it("budget and burn rate figures, and no data", () => {
    expect(budgetText(0.0005, 0.999)).toBe("50% left");
    expect(budgetText(0.0012, 0.999)).toBe("Spent, 20% over");
    expect(budgetText(null, 0.999)).toBe("No data yet");
    expect(burnText(0.0144, 0.999)).toBe("14.4×");
    expect(burnText(0.01, 1)).toBe("∞");
    expect(burnText(Number.NaN, 0.999)).toBe("No data yet");
  });
});
