import { describe, expect, it } from "vitest";
import { parseCheckInLines } from "./bulk-check-ins";

const now = new Date("2026-06-01T00:00:00Z");

describe("parseCheckInLines", () => {
  it("reads date,value lines with an optional note, skipping a header and blanks", () => {
    const parsed = parseCheckInLines("date,value\n2026-05-01,99.5\n\n2026-05-02;99.7;after the fix, finally\n", now);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      { line: 2, at: new Date("2026-05-01T12:00:00Z"), value: 99.5, note: null },
      { line: 4, at: new Date("2026-05-02T12:00:00Z"), value: 99.7, note: "after the fix, finally" },
    ]);
  });
  it("names the line of each bad row", () => {
    const parsed = parseCheckInLines("2026-05-01,abc\nyesterday,3\n2027-01-01,1\n2026-05-03,", now);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(parsed.errors[0]!.message).toMatch(/not a number/);
    expect(parsed.errors[2]!.message).toMatch(/future/);
  });
  it("accepts full ISO times", () => {
    expect(parseCheckInLines("2026-05-01T08:30:00Z,12", now).rows[0]!.at.toISOString()).toBe("2026-05-01T08:30:00.000Z");
  });
});
