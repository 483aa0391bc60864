import { describe, expect, it } from "vitest";
import { dueIn, formatValue } from "./format";

describe("format", () => {
  it("says when a date is due, relative to today", () => {
    const now = new Date("2026-03-10T15:00:00Z");
    expect(dueIn("2026-03-10", now)).toBe("due today");
    expect(dueIn("2026-03-11", now)).toBe("due in 1 day");
    expect(dueIn("2026-03-08", now)).toBe("2 days overdue");
    expect(dueIn("2026-04-07", now)).toBe("due in 4 weeks");
  });
  it("writes values with their unit", () => {
    expect(formatValue(99.95, "%")).toBe("99.95%");
    expect(formatValue(320, "ms")).toBe("320 ms");
    expect(formatValue(12345.6, "req/s")).toBe("12,346 req/s");
    expect(formatValue(null, "ms")).toBe("—");
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
  });
});
