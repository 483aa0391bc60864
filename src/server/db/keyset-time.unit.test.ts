import { describe, expect, it } from "vitest";
import { timeIdKey, timeTextMicros } from "./keyset-time";

describe("a (time, id) keyset's time", () => {
  it("reads the database's text of a time to the microsecond, whatever its offset", () => {
    const base = Date.UTC(2026, 2, 2, 9, 0, 0) * 1000;
    expect(timeTextMicros("2026-03-02 09:00:00+00")).toBe(base);
    expect(timeTextMicros("2026-03-02 09:00:00.000001+00")).toBe(base + 1);
    expect(timeTextMicros("2026-03-02 09:00:00.5+00")).toBe(base + 500_000);
    expect(timeTextMicros("2026-03-02 14:30:00.123456+05:30")).toBe(base + 123_456);
    expect(timeTextMicros("2026-03-02T04:00:00-05")).toBe(base);
    expect(timeTextMicros("2026-03-02T09:00:00Z")).toBe(base);
  });

  it("refuses what is not a real instant, before it reaches a cast", () => {
    for (const bad of [
      "2026-02-31 00:00:00+00",
      "2026-13-01 00:00:00+00",
      "2026-03-02 24:00:00+00",
      "2026-03-02 09:00:00+16",
      "soon",
      "",
    ]) {
      expect(timeTextMicros(bad), bad).toBeNull();
      expect(timeIdKey.safeParse([bad, "8f8a4c3e-0a47-4a34-9a5e-3b1f7c2d9e10"]).success, bad).toBe(false);
    }
    expect(timeIdKey.safeParse(["2026-03-02 09:00:00+00", "8f8a4c3e-0a47-4a34-9a5e-3b1f7c2d9e10"]).success).toBe(true);
    expect(timeIdKey.safeParse(["2026-03-02 09:00:00+00", "not-an-id"]).success).toBe(false);
  });
});
