import { describe, expect, it } from "vitest";
import { DEFAULT_LEVEL_LABELS, ladderNames, renamedLevels } from "./ladder";

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
