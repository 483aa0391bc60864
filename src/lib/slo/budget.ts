/**
 * Error budget maths as Sloth and Pyrra define it. The error budget is the
 * share of events allowed to fail, 1 − objective (0.1% for 99.9%).
 *
 * - burn rate = error ratio ÷ error budget: 1 spends the budget exactly over
 *   the SLO's window, 14.4 over 1 h spends 2% of a 30-day budget in that hour;
 * - budget remaining = 1 − consumed, consumed = error ratio over the window ÷
 *   error budget. It goes below 0 once the budget is spent (Pyrra shows the
 *   negative share; so do we, rather than hide how far over it is).
 *
 * No data (null, NaN: Prometheus answered nothing, or 0/0 with no traffic) is
 * null, never 0: a quiet service is not a perfect one. An objective of 1 has
 * no budget at all: no errors is a burn of 0 and the budget intact; any error
 * spends it infinitely fast.
 */

function usable(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function budgetOf(objective: number): number {
  if (!(objective > 0 && objective <= 1)) throw new RangeError(`An objective is a share in (0, 1], not ${objective}.`);
  return 1 - objective;
}

export function burnRate(errorRatio: number | null | undefined, objective: number): number | null {
  const budget = budgetOf(objective);
  if (!usable(errorRatio)) return null;
  const errors = Math.max(0, errorRatio);
  if (budget === 0) return errors === 0 ? 0 : Number.POSITIVE_INFINITY;
  return errors / budget;
}

export function errorBudgetRemaining(errorRatioOverWindow: number | null | undefined, objective: number): number | null {
  const burn = burnRate(errorRatioOverWindow, objective);
  if (burn === null) return null;
  return 1 - burn;
}
