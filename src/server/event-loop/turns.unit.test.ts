import { describe, expect, it } from "vitest";
import { forEachInTurns, mapInTurns, runInTurns, turnTaker } from "./turns";

/** Busy-waits `ms` (synchronous work, as a row's checks are). */
const work = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe("work in turns", () => {
  it("gives the event loop a turn once the budget is spent, not before", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const clock = turnTaker(5);
    await clock.turn();
    expect(clock.due()).toBe(false);
    work(6);
    expect(clock.due()).toBe(true);
    await clock.turn();
    await clock.turn(); // just after a turn: nothing to wait for
    clearInterval(timer);
    expect(clock.due()).toBe(false);
  });

  it("lets a timer run between slices of a long loop, in order, and no stretch is much longer than the budget", async () => {
    const seen: number[] = [];
    const stretches: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      stretches.push(performance.now() - last);
      last = performance.now();
    }, 1);
    await forEachInTurns(
      Array.from({ length: 60 }, (_, i) => i),
      (i) => {
        work(1);
        seen.push(i);
      },
      5,
    );
    clearInterval(timer);
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(stretches.length).toBeGreaterThan(5);
    // 5 ms of budget plus one item of 1 ms, and slack for a busy machine.
    expect(Math.max(...stretches)).toBeLessThan(40);
  });

  it("shares one budget between loops run one after another: no stretch is the end of one and the start of the next", async () => {
    const stretches: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      stretches.push(performance.now() - last);
      last = performance.now();
    }, 1);
    // Each loop alone stops just short of its budget, so with a budget of its own none would ever turn.
    const items = Array.from({ length: 4 }, (_, i) => i);
    for (let loop = 0; loop < 8; loop++) await forEachInTurns(items, () => work(2), 9);
    clearInterval(timer);
    // 8 ms of work per loop, 64 ms in all: one stretch per loop would be 8 ms, and back to back, 64 ms.
    expect(stretches.length).toBeGreaterThan(4);
    expect(Math.max(...stretches)).toBeLessThan(40);
  });

  it("maps in order, and a throw stops the loop at that item", async () => {
    expect(await mapInTurns([1, 2, 3], (n, i) => n * 10 + i, 0)).toEqual([10, 21, 32]);
    const seen: number[] = [];
    await expect(
      forEachInTurns([1, 2, 3, 4], (n) => {
        if (n === 3) throw new Error("row 3");
        seen.push(n);
      }),
    ).rejects.toThrow("row 3");
    expect(seen).toEqual([1, 2]);
  });
});

describe("steps run in turns", () => {
  it("runs a generator to its end, giving turns between its steps, with the value it returns", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    function* steps() {
      let sum = 0;
      for (let i = 0; i < 20; i++) {
        work(1);
        sum += i;
        yield;
      }
      return sum;
    }
    expect(await runInTurns(steps(), 3)).toBe(190);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
