import { AsyncLocalStorage } from "node:async_hooks";
import { holdsOneConnection } from "../db/connections";
import type { Db } from "../db/types";

/**
 * Bulk work gives way to people waiting for an answer (issue #20, "No tenant
 * slows another"). Turns (turns.ts) let another request's callbacks run
 * between two pieces of an import, but they do not stop the import's next
 * piece, its database statements and its parsing worker competing with that
 * request for the machine's cores: bench:fairness measured another
 * organisation's p99 at 4.6× its idle p99 during an account import whose
 * longest block was 75 ms. So bulk work (the imports and exports) pauses at
 * its turns while any person's request is in flight, and goes on as soon as
 * none is.
 *
 * Two bounds keep bulk work from starving: one pause lasts at most
 * MAX_PAUSE_MS, and bulk work never pauses longer in all than it has run, so
 * a constant stream of requests (or a request waiting for one of the bulk
 * work's own locks) at most doubles its length.
 *
 * The count is this process's: with several instances, each gives way to its
 * own requests only.
 */

/** The longest single pause: long enough for a page's requests to finish, short enough that bulk work keeps moving under constant load. */
export const MAX_PAUSE_MS = 100;

export type BulkWork = {
  readonly startedAt: number;
  /** Time spent giving way so far. */
  paused: number;
  /**
   * Whether a pause may fall inside an open transaction. Not on the embedded
   * database: its one connection is held by the transaction, so the request
   * given way to would wait for the pause itself.
   */
  readonly pausesInTransactions: boolean;
};

const bulkWork = new AsyncLocalStorage<BulkWork>();
let peopleWaiting = 0;
let wakeOnNone = new Set<() => void>();

/** Requests in flight that a person is waiting on (for tests and benches). */
export const requestsOfPeopleInFlight = () => peopleWaiting;

/** Runs a request a person waits on, counted while it runs so bulk work gives way to it. */
export async function forPerson<T>(work: () => Promise<T>): Promise<T> {
  peopleWaiting++;
  try {
    return await work();
  } finally {
    peopleWaiting--;
    if (peopleWaiting === 0 && wakeOnNone.size > 0) {
      const wake = wakeOnNone;
      wakeOnNone = new Set();
      for (const resume of wake) resume();
    }
  }
}

/** A new piece of bulk work's state on `db`, for `asBulk`. */
export function bulkWorkStarting(db: Db): BulkWork {
  return { startedAt: performance.now(), paused: 0, pausesInTransactions: !holdsOneConnection(db) };
}

/**
 * Runs `work` as bulk work: its turns, and its explicit `giveWay` calls, pause
 * for people's requests. Pass the same state to every piece of one job (a
 * streamed download's reads) so the bounds hold across them.
 */
export function asBulk<T>(state: BulkWork, work: () => Promise<T>): Promise<T> {
  return bulkWork.run(state, work);
}

/**
 * Where bulk work may pause: `"in a transaction"` unless the caller knows it
 * holds none (between an import's transactions). Outside bulk work, or with no
 * person waiting, it returns at once.
 */
export async function giveWay(where: "in a transaction" | "between transactions" = "in a transaction"): Promise<void> {
  const bulk = bulkWork.getStore();
  if (!bulk || peopleWaiting === 0) return;
  if (where === "in a transaction" && !bulk.pausesInTransactions) return;
  const now = performance.now();
  const ran = now - bulk.startedAt - bulk.paused;
  const allowed = Math.min(MAX_PAUSE_MS, ran - bulk.paused);
  if (allowed <= 0) return;
  await new Promise<void>((resolve) => {
    const resume = () => {
      clearTimeout(timer);
      wakeOnNone.delete(resume);
      resolve();
    };
    const timer = setTimeout(resume, allowed);
    wakeOnNone.add(resume);
  });
  bulk.paused += performance.now() - now;
}

/**
 * `fn` for callbacks (a worker's messages): bound to the bulk work running
 * where this is called, whichever context the callback runs in.
 */
export const inThisWork = <F extends (...args: never[]) => unknown>(fn: F): F => AsyncLocalStorage.bind(fn);
