import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../db/types";
import { asBulk, bulkWorkStarting, forPerson, giveWay, MAX_PAUSE_MS, requestsOfPeopleInFlight } from "./give-way";

/** A promise and the function that settles it: a person's request that ends when the test says. */
function request() {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  return { ended, end };
}

/** A PostgreSQL pool as holdsOneConnection sees it, and the embedded database (an instance with waitReady). */
const pool = { $client: () => {} } as unknown as Db;
const embedded = { $client: { waitReady: Promise.resolve() } } as unknown as Db;

/** Bulk work that has already run for `ranMs`, so the "never pause longer than it ran" bound does not bind. */
const bulkThatRan = (ranMs: number, database: Db = pool) => {
  const state = bulkWorkStarting(database);
  (state as { startedAt: number }).startedAt -= ranMs;
  return state;
};

afterEach(() => {
  vi.useRealTimers();
});

describe("bulk work gives way to people's requests", () => {
  it("counts a person's request while it runs, and only then", async () => {
    const person = request();
    const running = forPerson(() => person.ended);
    expect(requestsOfPeopleInFlight()).toBe(1);
    person.end();
    await running;
    expect(requestsOfPeopleInFlight()).toBe(0);
  });

  it("still counts down when the request fails", async () => {
    await expect(forPerson(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(requestsOfPeopleInFlight()).toBe(0);
  });

  it("pauses until the last person's request in flight has ended", async () => {
    const first = request();
    const second = request();
    const order: string[] = [];
    const firstDone = forPerson(() => first.ended.then(() => void order.push("first ended")));
    const secondDone = forPerson(() => second.ended.then(() => void order.push("second ended")));
    const bulk = asBulk(bulkThatRan(10_000), async () => {
      await giveWay();
      order.push("bulk goes on");
    });
    first.end();
    await firstDone;
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(["first ended"]);
    second.end();
    await Promise.all([secondDone, bulk]);
    expect(order).toEqual(["first ended", "second ended", "bulk goes on"]);
  });

  it("does not pause with no one waiting, outside bulk work, or in a transaction of the embedded database", async () => {
    vi.useFakeTimers();
    await asBulk(bulkThatRan(10_000), () => giveWay()); // no one waiting
    const person = request();
    const running = forPerson(() => person.ended);
    await giveWay(); // not bulk work: a person's own request never waits for another
    await asBulk(bulkThatRan(10_000, embedded), () => giveWay("in a transaction"));
    // Between transactions even the embedded database's bulk work gives way.
    let between = false;
    const pausing = asBulk(bulkThatRan(10_000, embedded), () => giveWay("between transactions")).then(() => (between = true));
    await vi.advanceTimersByTimeAsync(1);
    expect(between).toBe(false);
    person.end();
    await Promise.all([running, pausing]);
    expect(between).toBe(true);
  });

  it("pauses at most MAX_PAUSE_MS when people keep waiting", async () => {
    vi.useFakeTimers();
    const person = request();
    const running = forPerson(() => person.ended);
    let resumed = false;
    const bulk = asBulk(bulkThatRan(10_000), () => giveWay()).then(() => (resumed = true));
    await vi.advanceTimersByTimeAsync(MAX_PAUSE_MS - 1);
    expect(resumed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resumed).toBe(true);
    person.end();
    await Promise.all([running, bulk]);
  });

  it("never pauses longer in all than it has run, so at worst it takes twice as long", async () => {
    vi.useFakeTimers();
    const person = request();
    const running = forPerson(() => person.ended);
    const state = bulkWorkStarting(pool);
    await asBulk(state, async () => {
      await vi.advanceTimersByTimeAsync(30); // 30 ms of work
      let resumed = false;
      const pause = giveWay().then(() => (resumed = true));
      await vi.advanceTimersByTimeAsync(29);
      expect(resumed).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await pause;
      expect(resumed).toBe(true);
      expect(state.paused).toBe(30);
      const again = performance.now();
      await giveWay(); // paused as long as it ran: goes on at once
      expect(performance.now() - again).toBe(0);
    });
    person.end();
    await running;
  });
});
