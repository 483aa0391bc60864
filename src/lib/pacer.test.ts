import { describe, expect, it } from "vitest";
import { Pacer } from "./pacer";

/** A clock that only moves when someone sleeps. */
function fakeClock() {
  let t = 1000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), advance: (ms: number) => void (t += ms), at: () => t };
}

describe("Pacer", () => {
  it("lets the first start go at once and spaces the rest by 1000/rate ms", async () => {
    const clock = fakeClock();
    const pacer = new Pacer(10, clock);
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await pacer.next();
      starts.push(clock.at());
    }
    expect(starts).toEqual([1000, 1100, 1200, 1300]);
  });

  it("does not save up a burst over a quiet spell", async () => {
    const clock = fakeClock();
    const pacer = new Pacer(2, clock);
    await pacer.next();
    clock.advance(10_000);
    await pacer.next();
    const afterQuiet = clock.at();
    await pacer.next();
    expect(clock.at() - afterQuiet).toBe(500);
  });

  it("spaces callers that wait together", async () => {
    const pacer = new Pacer(50);
    const t0 = performance.now();
    await Promise.all([pacer.next(), pacer.next(), pacer.next()]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(39);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => new Pacer(0)).toThrow(RangeError);
    expect(() => new Pacer(Number.NaN)).toThrow(RangeError);
  });
});
