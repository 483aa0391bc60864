import { describe, expect, it } from "vitest";
import { FixedWindowLimiter } from "./fixed-window-limiter";

describe("FixedWindowLimiter", () => {
  it("allows the limit per window, then says how long to wait; a new window starts afresh", () => {
    const limiter = new FixedWindowLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.hit("a", t0 + i).allowed)).toEqual([true, true, true]);
    expect(limiter.hit("a", t0 + 15_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.hit("b", t0 + 15_000).allowed).toBe(true);
    expect(limiter.hit("a", t0 + 59_999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.hit("a", t0 + 60_001).allowed).toBe(true);
  });

  it("keeps at most maxKeys windows, dropping passed ones first", () => {
    const limiter = new FixedWindowLimiter(1, 1_000, 100);
    for (let i = 0; i < 10_000; i++) limiter.hit(`k${i}`, i);
    expect(limiter.size).toBeLessThanOrEqual(100);
    // A key still in its window and over its limit stays refused while the map is not full of newer keys.
    const fresh = new FixedWindowLimiter(1, 60_000, 100);
    fresh.hit("busy", 0);
    for (let i = 0; i < 50; i++) fresh.hit(`k${i}`, 10);
    expect(fresh.hit("busy", 20).allowed).toBe(false);
  });
});
