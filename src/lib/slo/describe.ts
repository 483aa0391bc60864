import { burnRate, errorBudgetRemaining } from "./budget";
import type { SloSpec } from "./spec";

const UNIT_WORDS: Record<string, [string, string]> = {
  m: ["minute", "minutes"],
  h: ["hour", "hours"],
  d: ["day", "days"],
  w: ["week", "weeks"],
};

/** "28 days, rolling" or "30 days, from 2026-01-01 00:00:00 (Europe/Berlin)": an SLO's window in words. */
export function describeWindow(window: SloSpec["window"]): string {
  const n = Number(window.duration.slice(0, -1));
  const [one, many] = UNIT_WORDS[window.duration.slice(-1)] ?? ["", ""];
  const length = `${n} ${n === 1 ? one : many}`;
  return window.calendar ? `${length}, from ${window.calendar.startTime} (${window.calendar.timeZone})` : `${length}, rolling`;
}

const OP_WORDS = { lt: "below", lte: "at most", gt: "above", gte: "at least" } as const;

/** Trims the binary noise of a share as a percentage (0.999 → "99.9%"). */
export function percent(share: number): string {
  return `${Number((share * 100).toPrecision(10))}%`;
}

/** "99.9% of events good" or "at most 0.3 s in 99% of samples": what the SLO promises. */
export function describeObjective(spec: SloSpec): string {
  if (spec.kind === "availability") return `${percent(spec.objective.target)} of events good`;
  const { op, value, unit } = spec.threshold;
  return `${OP_WORDS[op]} ${value}${unit ? ` ${unit}` : ""} in ${percent(spec.objective.target)} of samples`;
}

const NO_DATA = "No data yet";

/** "50% left", "Spent, 20% over" or "No data yet": the error budget remaining over the window. */
export function budgetText(errorRatio: number | null, objective: number): string {
  const remaining = errorBudgetRemaining(errorRatio, objective);
  if (remaining === null) return NO_DATA;
  if (!Number.isFinite(remaining)) return "Spent";
  return remaining >= 0 ? `${percent(remaining)} left` : `Spent, ${percent(-remaining)} over`;
}

/** "1.5×" (1× spends the budget exactly over the window), "∞" with no budget at all, or "No data yet". */
export function burnText(errorRatio: number | null, objective: number): string {
  const rate = burnRate(errorRatio, objective);
  if (rate === null) return NO_DATA;
  return Number.isFinite(rate) ? `${Number(rate.toPrecision(3))}×` : "∞";
}
