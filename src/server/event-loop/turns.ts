/**
 * Long synchronous work in pieces, so other requests get the event loop
 * between them (issue #20, "No tenant slows another"). Node serves every
 * organisation from one thread: a loop over 60,000 rows that never yields
 * holds every other request until it ends, however fast the database is.
 */
import { giveWay } from "./give-way";

/** Synchronous work between two turns: short enough that a page waiting behind it is not slowed noticeably. */
export const TURN_BUDGET_MS = 10;

/** Lets timers, sockets and other requests' callbacks run, then continues. */
export const giveTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A turn where the caller holds no transaction, then, in bulk work, a pause
 * for people's requests in flight (give-way.ts): no connection is held, so
 * even the embedded database's one is free for them.
 */
export async function turnBetweenTransactions(): Promise<void> {
  await giveTurn();
  await giveWay("between transactions");
}

/**
 * A clock for one piece of work: `due()` says whether `budgetMs` of work has
 * passed since the last turn, `turn()` gives the event loop one when it has
 * (and nothing otherwise, so calling it per row costs a clock read). In bulk
 * work the turn also gives way to people's requests in flight (give-way.ts).
 */
export function turnTaker(budgetMs = TURN_BUDGET_MS) {
  let since = performance.now();
  return {
    due: () => performance.now() - since >= budgetMs,
    async turn(): Promise<void> {
      if (performance.now() - since < budgetMs) return;
      await giveTurn();
      await giveWay();
      since = performance.now();
    },
  };
}

/** `fn` for each item in order, with a turn whenever the budget is spent; a throw stops it as a plain loop would. */
export async function forEachInTurns<T>(items: readonly T[], fn: (item: T, index: number) => void, budgetMs = TURN_BUDGET_MS) {
  const clock = turnTaker(budgetMs);
  for (let i = 0; i < items.length; i++) {
    if (clock.due()) await clock.turn();
    fn(items[i]!, i);
  }
}

/** `items.map(fn)` with turns, for arrays too large to map in one stretch. */
export async function mapInTurns<T, U>(items: readonly T[], fn: (item: T, index: number) => U, budgetMs = TURN_BUDGET_MS): Promise<U[]> {
  const out: U[] = new Array(items.length);
  await forEachInTurns(items, (item, i) => (out[i] = fn(item, i)), budgetMs);
  return out;
}

/** Runs a generator of synchronous steps (each `yield` a point where it may pause) to its end, with turns between steps. */
export async function runInTurns<T>(steps: Generator<void, T, void>, budgetMs = TURN_BUDGET_MS): Promise<T> {
  const clock = turnTaker(budgetMs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (clock.due()) await clock.turn();
  }
}
