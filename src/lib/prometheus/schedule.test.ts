import { describe, expect, it } from "vitest";
import { backfillRange, backoffMinutes, isStale, missedRange, timeAgo } from "./schedule";

const at = (iso: string) => new Date(iso);

describe("backoffMinutes", () => {
  it("doubles from a minute and stops at the interval", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((f) => backoffMinutes(60, f))).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(backoffMinutes(15, 10)).toBe(15);
    expect(backoffMinutes(1440, 30)).toBe(1440);
  });
});

describe("isStale", () => {
  it("flags a binding whose last success is older than two intervals", () => {
    const bound = at("2026-01-01T00:00:00Z");
    expect(isStale(at("2026-01-01T10:00:00Z"), bound, 60, at("2026-01-01T12:00:00Z"))).toBe(false);
    expect(isStale(at("2026-01-01T09:59:00Z"), bound, 60, at("2026-01-01T12:00:00Z"))).toBe(true);
    expect(isStale(null, bound, 60, at("2026-01-01T03:00:00Z"))).toBe(true);
  });
});

describe("backfillRange", () => {
  it("asks for one value a day from the start date to today", () => {
    expect(backfillRange("2026-01-10", at("2026-01-20T15:00:00Z"))).toEqual({
      start: at("2026-01-10T00:00:00Z"),
      end: at("2026-01-20T00:00:00Z"),
      stepSeconds: 86_400,
    });
  });
  it("keeps the most recent days when the target is older than the bound", () => {
    expect(backfillRange("2020-01-01", at("2026-01-20T15:00:00Z"), 30)?.start).toEqual(at("2025-12-22T00:00:00Z"));
  });
  it("asks for nothing when the target starts later", () => {
    expect(backfillRange("2026-02-01", at("2026-01-20T15:00:00Z"))).toBeNull();
  });
});

describe("missedRange", () => {
  it("is empty when at most one interval passed", () => {
    expect(missedRange(at("2026-01-01T10:00:00Z"), 60, at("2026-01-01T11:30:00Z"))).toBeNull();
    expect(missedRange(null, 60, at("2026-01-01T11:30:00Z"))).toBeNull();
  });
  it("names the missed times one interval apart after the last success", () => {
    expect(missedRange(at("2026-01-01T10:00:00Z"), 60, at("2026-01-01T13:30:00Z"))).toEqual({
      start: at("2026-01-01T11:00:00Z"),
      end: at("2026-01-01T13:30:00Z"),
      stepSeconds: 3600,
    });
  });
  it("keeps the most recent ones after a long pause", () => {
    expect(missedRange(at("2026-01-01T00:00:00Z"), 60, at("2026-01-11T00:00:00Z"), 5)?.start).toEqual(at("2026-01-10T20:00:00Z"));
  });
});

describe("timeAgo", () => {
  it("says how long since a pull in words", () => {
    const now = at("2026-01-10T12:00:00Z");
    expect(timeAgo(at("2026-01-10T11:59:30Z"), now)).toBe("just now");
    expect(timeAgo(at("2026-01-10T11:59:00Z"), now)).toBe("1 minute ago");
    expect(timeAgo(at("2026-01-10T11:48:00Z"), now)).toBe("12 minutes ago");
    expect(timeAgo(at("2026-01-10T09:00:00Z"), now)).toBe("3 hours ago");
    expect(timeAgo(at("2026-01-07T12:00:00Z"), now)).toBe("3 days ago");
  });
});
