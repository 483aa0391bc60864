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
