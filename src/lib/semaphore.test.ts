import { afterEach, describe, expect, it, vi } from "vitest";
import { Semaphore, SemaphoreBusy } from "./semaphore";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Semaphore", () => {
  it("never runs more than its limit at once, and runs every task", async () => {
    const semaphore = new Semaphore(2, { maxWaitMs: 10_000, maxQueue: 100 });
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        semaphore.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 1));
          running--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(semaphore.running).toBe(0);
  });

  it("serves urgent waiters before normal ones that queued earlier", async () => {
    const semaphore = new Semaphore(1, { maxWaitMs: 10_000, maxQueue: 100 });
    const gate = deferred();
    const order: string[] = [];
    const first = semaphore.run(() => gate.promise);
    const normal = semaphore.run(async () => void order.push("normal"));
    const urgent = semaphore.run(async () => void order.push("urgent"), "urgent");
    gate.resolve();
    await Promise.all([first, normal, urgent]);
    expect(order).toEqual(["urgent", "normal"]);
  });

  it("refuses a waiter past the longest wait and past the longest queue, and frees slots of failed tasks", async () => {
    vi.useFakeTimers();
    const semaphore = new Semaphore(1, { maxWaitMs: 1_000, maxQueue: 1 });
    const gate = deferred();
    const holder = semaphore.run(() => gate.promise);
    const waiter = semaphore.run(async () => "late");
    await expect(semaphore.run(async () => "no room")).rejects.toBeInstanceOf(SemaphoreBusy);
    const expectation = expect(waiter).rejects.toBeInstanceOf(SemaphoreBusy);
    await vi.advanceTimersByTimeAsync(1_001);
    await expectation;
    expect(semaphore.waiting).toBe(0);
    gate.resolve();
    await holder;
    await expect(
      semaphore.run(async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await semaphore.run(async () => "free again")).toBe("free again");
    expect(semaphore.running).toBe(0);
  });
});
