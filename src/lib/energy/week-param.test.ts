import { describe, expect, it } from "vitest";
import { weekParam } from "./week-param";

describe("weekParam (?week= on the Capacity pages)", () => {
  it("turns a day into its week's Monday", () => {
    expect(weekParam("2026-12-03")).toBe("2026-11-30");
    expect(weekParam(["2026-11-30", "2020-01-01"])).toBe("2026-11-30");
  });

  it("means this week for anything the validators would refuse: no 500 for 9999-12-31", () => {
    for (const raw of ["9999-12-31", "0000-01-01", "2026-02-30", "1970-01-01", "x", "", undefined])
      expect(weekParam(raw), String(raw)).toBeUndefined();
    expect(weekParam("2200-12-31")).toBe("2200-12-29");
  });
});
