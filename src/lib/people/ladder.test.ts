import { describe, expect, it } from "vitest";
import { cadenceInDays, cadenceLabel, DEFAULT_LEVEL_LABELS, defaultCadence, ladderNames, renamedLevels } from "./ladder";

describe("ladder names", () => {
  it("fills the levels the account did not rename with the defaults", () => {
    expect(ladderNames({ staff: "Lead Engineer" })).toEqual({ ...DEFAULT_LEVEL_LABELS, staff: "Lead Engineer" });
  });

  it("stores only the renamed levels, and reads back what was saved", () => {
    const names = { ...DEFAULT_LEVEL_LABELS, vp: "Head of Engineering" };
    expect(renamedLevels(names)).toEqual({ vp: "Head of Engineering" });
    expect(renamedLevels({ ...DEFAULT_LEVEL_LABELS })).toEqual({});
    expect(ladderNames(renamedLevels(names))).toEqual(names);
  });
});

describe("1:1 cadences", () => {
  it("a person reporting to whoever adds them meets them fortnightly; someone further down has no set cadence", () => {
    expect(defaultCadence(true)).toBe("fortnightly");
    expect(defaultCadence(false)).toBe("none");
  });
  it("no set cadence has no days between 1:1s, and says so", () => {
    expect(cadenceInDays("none")).toBeNull();
    expect(cadenceInDays("days", 10)).toBe(10);
    expect(cadenceLabel("none")).toBe("No set cadence");
  });
});
