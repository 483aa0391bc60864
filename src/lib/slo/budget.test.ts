import { describe, expect, it } from "vitest";
import { burnRate, errorBudgetRemaining } from "./budget";

describe("burn rate and error budget (Sloth, Pyrra)", () => {
  it("burn rate is the error ratio over the budget", () => {
    expect(burnRate(0.001, 0.999)).toBeCloseTo(1);
    expect(burnRate(0.0144, 0.999)).toBeCloseTo(14.4);
    expect(burnRate(0, 0.99)).toBe(0);
  });

  it("budget remaining is 1 - consumed, below 0 once overspent", () => {
    expect(errorBudgetRemaining(0.0005, 0.999)).toBeCloseTo(0.5);
    expect(errorBudgetRemaining(0, 0.999)).toBe(1);
    expect(errorBudgetRemaining(0.002, 0.999)).toBeCloseTo(-1);
  });

  it("no data is null, not a perfect score", () => {
    expect(burnRate(null, 0.999)).toBeNull();
    expect(burnRate(Number.NaN, 0.999)).toBeNull();
    expect(errorBudgetRemaining(undefined, 0.999)).toBeNull();
  });

  it("an objective of 1 has no budget: no errors burn nothing, any error burns it infinitely fast", () => {
    expect(burnRate(0, 1)).toBe(0);
    expect(errorBudgetRemaining(0, 1)).toBe(1);
    expect(burnRate(0.0001, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(errorBudgetRemaining(0.0001, 1)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("an objective outside (0, 1] is a programming error", () => {
    expect(() => burnRate(0.1, 0)).toThrow(RangeError);
    expect(() => burnRate(0.1, 99.9)).toThrow(RangeError);
  });
});
