import { describe, expect, it } from "vitest";
import { dateOnly, instant, isDayInRange, isInstantInRange, measurement, optionalDateOnly } from "./dates";

describe("dateOnly", () => {
  it("accepts real days from 1970-01-01 to 2200-12-31", () => {
    for (const day of ["1970-01-01", "2026-02-28", "2028-02-29", "2200-12-31"]) expect(dateOnly.parse(day)).toBe(day);
  });

  it("refuses years like 0000 and 9999, with a sentence that says the range", () => {
    for (const day of ["0000-01-01", "1969-12-31", "2201-01-01", "9999-12-31"]) {
      expect(
        dateOnly.safeParse(day).error?.issues.map((i) => i.message),
        day,
      ).toContain("Use a date between 1970 and 2200.");
    }
  });

  it("refuses days that do not exist and other shapes", () => {
    expect(dateOnly.safeParse("2026-02-30").error?.issues[0]?.message).toBe("Not a real date.");
    expect(dateOnly.safeParse("2026-13-01").success).toBe(false);
    expect(dateOnly.safeParse("2026-1-1").error?.issues[0]?.message).toBe("Use a date like 2026-03-31.");
    expect(dateOnly.safeParse("2026-01-01\u0000").success).toBe(false);
    expect(dateOnly.safeParse(null).success).toBe(false);
  });

  it("optionalDateOnly: absent, null and empty mean null; a bad day is still refused with its own message", () => {
    for (const empty of [undefined, null, ""]) expect(optionalDateOnly.parse(empty)).toBeNull();
    expect(optionalDateOnly.parse("2026-03-31")).toBe("2026-03-31");
    expect(optionalDateOnly.safeParse("9999-12-31").error?.issues[0]?.message).toBe("Use a date between 1970 and 2200.");
  });

  it("isDayInRange is false, never an error, for anything else", () => {
    expect(isDayInRange("2026-03-31")).toBe(true);
    for (const bad of ["9999-12-31", "0000-01-01", "2026-02-30", "soon", ""]) expect(isDayInRange(bad)).toBe(false);
  });
});

describe("instant", () => {
  const at = instant();

  it("takes a Date or an ISO time in range", () => {
    expect(at.parse(new Date("2026-03-31T12:00:00Z")).toISOString()).toBe("2026-03-31T12:00:00.000Z");
    expect(at.parse("2026-03-31T12:00:00+02:00").toISOString()).toBe("2026-03-31T10:00:00.000Z");
  });

  it("refuses null (new Date(null) is the epoch), numbers, invalid dates and years 0000 or 9999", () => {
    for (const bad of [null, 0, "", "yesterday", new Date("nope")]) expect(at.safeParse(bad).success, String(bad)).toBe(false);
    expect(at.safeParse(new Date("9999-12-31T00:00:00Z")).error?.issues[0]?.message).toBe("Use a date between 1970 and 2200.");
    expect(at.safeParse(new Date("0000-01-01T00:00:00Z")).success).toBe(false);
    expect(isInstantInRange(new Date("2200-12-31T23:59:59Z"))).toBe(true);
    expect(isInstantInRange(new Date("1969-12-31T23:59:59Z"))).toBe(false);
  });
});

describe("measurement", () => {
  const value = measurement("Value");

  it("accepts finite numbers up to 1e12 in magnitude", () => {
    for (const v of [0, -1, 99.95, 1e12, -1e12]) expect(value.parse(v)).toBe(v);
  });

  it("refuses 1e308, infinities and NaN, saying why", () => {
    expect(value.safeParse(1e308).error?.issues[0]?.message).toBe("Value must be between -1,000,000,000,000 and 1,000,000,000,000.");
    expect(value.safeParse(-1e13).success).toBe(false);
    for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, "1", null]) expect(value.safeParse(bad).success).toBe(false);
  });
});
