/**
 * Long synchronous work in pieces, so other requests get the event loop
 * between them (issue #20, "No tenant slows another"). Node serves every
 * organisation from one thread: a loop over 60,000 rows that never yields
 * holds every other request until it ends, however fast the database is.
 */
import { giveWay } from "./give-way";

/** Synchronous work between two turns: short enough that a page waiting behind it is not slowed noticeably. */
export const TURN_BUDGET_MS = 10;

/**
 * When one of these turns last let the event loop run. One clock for the
 * process, not one per loop: a piece of work is often several loops in a row
 * (the CSV commit checks its rows, numbers them, maps them, orders them), and
 * with a fresh budget each, the end of one and the start of the next ran as
 * one stretch of up to 40 ms (bench:fairness, profiled). A turn given by
 * something else (a statement awaited) is not seen, so a loop may turn once
 * sooner than it had to: a cheap mistake in the right direction.
 */
let lastTurnAt = performance.now();

/** Lets timers, sockets and other requests' callbacks run, then continues. */
export const giveTurn = () =>
  new Promise<void>((resolve) =>
    setImmediate(() => {
      lastTurnAt = performance.now();
      resolve();
    }),
  );

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
 * passed since the last turn (this work's or another's, see lastTurnAt),
 * `turn()` gives the event loop one when it has (and nothing otherwise, so
 * calling it per row costs a clock read). In bulk work the turn also gives way
 * to people's requests in flight (give-way.ts).
 */
export function turnTaker(budgetMs = TURN_BUDGET_MS) {
  return {
    due: () => performance.now() - lastTurnAt >= budgetMs,
    async turn(): Promise<void> {
      if (performance.now() - lastTurnAt < budgetMs) return;
      await giveTurn();
      await giveWay();
      // The pause may have been long: the budget counts from the work's restart.
      lastTurnAt = performance.now();
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
