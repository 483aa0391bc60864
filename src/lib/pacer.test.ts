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

  // On the fake clock, not on timers: a real setTimeout(20) may fire a fraction of a millisecond
  // early by performance.now(), which made a wall-clock version of this test fail on a busy CI.
  it("spaces callers that wait together", async () => {
    const clock = fakeClock();
    const asked: number[] = [];
    const pacer = new Pacer(50, { now: clock.now, sleep: async (ms) => void asked.push(ms) });
    await Promise.all([pacer.next(), pacer.next(), pacer.next()]);
    expect(asked).toEqual([20, 40]);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => new Pacer(0)).toThrow(RangeError);
    expect(() => new Pacer(Number.NaN)).toThrow(RangeError);
  });
});
