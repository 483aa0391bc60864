import { describe, expect, it } from "vitest";
import { dueIn, formatChange, formatDate, formatValue, sharedDecimals, valueFormatter } from "./format";
import { todayIn } from "./today";

describe("format", () => {
  it("says when a date is due, relative to today", () => {
    const now = todayIn("UTC", new Date("2026-03-10T15:00:00Z"));
    expect(dueIn("2026-03-10", now)).toBe("due today");
    expect(dueIn("2026-03-11", now)).toBe("due in 1 day");
    expect(dueIn("2026-03-08", now)).toBe("2 days overdue");
    expect(dueIn("2026-04-07", now)).toBe("due in 4 weeks");
  });
  it("counts from the user's day, not the UTC date: late on 9 March in New York it is not yet the 10th", () => {
    const lateEvening = new Date("2026-03-10T03:30:00Z"); // 23:30 on 9 March in New York, 04:30 on the 10th in Berlin
    expect(dueIn("2026-03-10", todayIn("America/New_York", lateEvening))).toBe("due in 1 day");
    expect(dueIn("2026-03-09", todayIn("America/New_York", lateEvening))).toBe("due today");
    expect(dueIn("2026-03-09", todayIn("Europe/Berlin", lateEvening))).toBe("1 day overdue");
    expect(todayIn("Mars/Olympus", lateEvening)).toBe("2026-03-10");
  });
  it("writes values with their unit", () => {
    expect(formatValue(99.95, "%")).toBe("99.95%");
    expect(formatValue(320, "ms")).toBe("320 ms");
    expect(formatValue(12345.6, "req/s")).toBe("12,346 req/s");
    expect(formatValue(null, "ms")).toBe("—");
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
  });
});

describe("relativeDay", () => {
  it("says days, weeks or months, before or after", async () => {
    const { relativeDay } = await import("./format");
    expect(relativeDay("2026-11-24", "2026-11-24")).toBe("today");
    expect(relativeDay("2026-11-23", "2026-11-24")).toBe("yesterday");
    expect(relativeDay("2026-11-21", "2026-11-24")).toBe("3 days ago");
    expect(relativeDay("2026-12-22", "2026-11-24")).toBe("in 4 weeks");
    expect(relativeDay("2026-06-01", "2026-11-24")).toBe("6 months ago");
  });
});

describe("one precision for values shown together", () => {
  it("writes a value with four significant digits, none from 1,000 up", () => {
    expect(formatValue(710.4, "ms")).toBe("710.4 ms");
    expect(formatValue(696, "ms")).toBe("696 ms");
    expect(formatValue(14.3912, "ms")).toBe("14.39 ms");
    expect(formatValue(1234.5)).toBe("1,235");
  });
  it("shares the decimals of a pair and its change: not 710.4 ms → 696 ms: −14.39 ms", () => {
    const d = sharedDecimals([710.4, 696]);
    expect(d).toBe(1);
    expect(`${formatValue(710.4, "ms", d)} → ${formatValue(696, "ms", d)}: ${formatChange(696 - 710.4, "ms", d)}`).toBe(
      "710.4 ms → 696.0 ms: −14.4 ms",
    );
    expect(formatChange(2.5, "%", 2)).toBe("+2.50%");
    const f = valueFormatter([99.9, 99.95, null], "%");
    expect([f(99.9), f(99.95), f(null)]).toEqual(["99.90%", "99.95%", "—"]);
  });
});

describe("formatDate", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const options = { day: "numeric", month: "short", timeZone: "UTC" } as const;
  it("leaves the year out in the current year and always writes it otherwise", () => {
    expect(formatDate(new Date("2026-03-03T10:00:00Z"), options, { now, locale: "en-GB", timeZone: "UTC" })).toBe("3 Mar");
    expect(formatDate(new Date("2025-12-30T10:00:00Z"), options, { now, locale: "en-GB", timeZone: "UTC" })).toBe("30 Dec 2025");
    expect(formatDate(new Date("2027-01-05T10:00:00Z"), options, { now, locale: "en-GB", timeZone: "UTC" })).toBe("5 Jan 2027");
  });
  it("judges the year in the given zone: New Year's Eve in New York is still last year there", () => {
    const newYear = new Date("2027-01-01T02:00:00Z");
    expect(
      formatDate(new Date("2026-12-31T23:00:00Z"), { day: "numeric", month: "short" }, { now: newYear, locale: "en-GB", timeZone: "UTC" }),
    ).toBe("31 Dec 2026");
    expect(
      formatDate(
        new Date("2026-12-31T23:00:00Z"),
        { day: "numeric", month: "short" },
        { now: newYear, locale: "en-GB", timeZone: "America/New_York" },
      ),
    ).toBe("31 Dec");
  });
});
