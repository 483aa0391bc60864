/**
 * The frame of a metric's chart: its ranges, its ticks and the box the plot
 * sits in. One definition for the two drawings of the chart: the sketch the
 * page is served with (SVG, no script) and the interactive uPlot chart that
 * replaces it when a pointer reaches it. Both take their ticks from
 * here, so the swap does not move a line or a label.
 */

import { DISPLAY_LOCALE, formatValue } from "@/lib/format";

const DAY_SECONDS = 86_400;

/** The chart's box in CSS pixels: the plot inside it, the y labels' gutter on the left, the dates below. */
export const CHART_BOX = { height: 192, top: 12, right: 12, bottom: 28, left: 56 } as const;

/** Each check-in gets a dot below this many of them (more would be a smear); the line alone above. */
export const MAX_DOTS = 40;

/**
 * A chart at least this wide (CSS px, the figure's own width) gets the wide
 * set of date ticks. The sketch switches with a container query at the same
 * width (Tailwind's @md, 28rem), so it needs no script to measure itself.
 */
export const WIDE_CHART_PX = 448;
const TICKS_WIDE = 8;
const TICKS_NARROW = 4;
const Y_TICKS = 4;

export type MetricChartInput = {
  points: readonly { at: Date; value: number }[];
  baseline: number | null;
  goal: number | null;
  bandLow: number | null;
  bandHigh: number | null;
  /** Calendar days, YYYY-MM-DD. */
  startDate: string;
  dueDate: string;
};

export type MetricChartFrame = {
  /** Seconds since the epoch: from the earlier of the start and the first check-in to the later of the due day and the last. */
  x: [number, number];
  y: [number, number];
  yTicks: number[];
  /** Midnights (UTC) of calendar days, for a wide and a narrow chart. */
  xTicksWide: number[];
  xTicksNarrow: number[];
  due: number;
};

export function metricChartFrame(input: MetricChartInput): MetricChartFrame {
  const { points, baseline, goal, bandLow, bandHigh, startDate, dueDate } = input;
  const start = dayToSeconds(startDate);
  const due = dayToSeconds(dueDate);
  const times = points.map((p) => p.at.getTime() / 1000);
  const x: [number, number] = [Math.min(start, times[0] ?? start), Math.max(due, times.at(-1) ?? start)];
  const values = [...points.map((p) => p.value), baseline, goal, bandLow, bandHigh].filter((v): v is number => v !== null);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.1;
  const y: [number, number] = [lo - pad, hi + pad];
  return {
    x,
    y,
    yTicks: niceTicks(y[0], y[1], Y_TICKS),
    xTicksWide: dayTicks(x[0], x[1], TICKS_WIDE),
    xTicksNarrow: dayTicks(x[0], x[1], TICKS_NARROW),
    due,
  };
}

/** The date ticks for a chart of this width (the figure's CSS px). */
export function xTicksFor(frame: MetricChartFrame, width: number): number[] {
  return width >= WIDE_CHART_PX ? frame.xTicksWide : frame.xTicksNarrow;
}

/** Where a value falls across a range, 0 at its start and 1 at its end. */
export function fraction(value: number, [from, to]: readonly [number, number]): number {
  return to === from ? 0.5 : (value - from) / (to - from);
}

function dayToSeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/** A bound on the ticks, whatever is asked. */
const MAX_TICKS = 50;
/** The finest tick: values that need more decimals than this get none (toFixed's own limit is 100). */
const MAX_TICK_DECIMALS = 12;

/** The decimals a step of ticks needs: 50 needs 0, 0.2 needs 1, 0.05 needs 2 (a step's float error aside). */
function stepDecimals(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/**
 * Round values inside [lo, hi], about `count` of them, a step of 1, 2 or 5
 * times a power of ten apart ("350, 400, 450"), each rounded to the step's
 * decimals so 0.1 + 0.2 prints as 0.3. None for a span too narrow for its
 * values' precision (a baseline of 0.3, a goal of 0.30000000000000004) or
 * finer than MAX_TICK_DECIMALS: there are no round values in it to show.
 * Counted in whole steps, so the loop ends whatever the floats.
 */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi) || count < 1) return [];
  const span = hi - lo;
  if (span <= Math.max(Math.abs(lo), Math.abs(hi)) * 1e-9) return [];
  const power = 10 ** Math.floor(Math.log10(span / count));
  // The step whose count of ticks comes nearest the one asked for.
  const step = [1, 2, 5, 10]
    .map((m) => m * power)
    .reduce((best, s) => (Math.abs(span / s - count) < Math.abs(span / best - count) ? s : best));
  const decimals = stepDecimals(step);
  if (decimals > MAX_TICK_DECIMALS) return [];
  const ticks: number[] = [];
  const last = Math.floor(hi / step + 1e-9);
  for (let i = Math.ceil(lo / step - 1e-9); i <= last && ticks.length < MAX_TICKS; i++) ticks.push(Number((i * step).toFixed(decimals)));
  return ticks;
}

const DAY_STEPS = [1, 2, 3, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12];

/**
 * Calendar days to label between two moments, at most `max` of them: every
 * day, every few days or weeks for a short span; first days of months (every
 * one, two, three, six or twelve) for a long one. Midnights in UTC: the
 * target's start and due days are calendar days, drawn at their UTC midnight.
 */
export function dayTicks(from: number, to: number, max: number): number[] {
  if (!(to > from) || max < 1) return [];
  const firstDay = Math.ceil(from / DAY_SECONDS) * DAY_SECONDS;
  const spanDays = (to - firstDay) / DAY_SECONDS;
  const dayStep = DAY_STEPS.find((step) => Math.floor(spanDays / step) + 1 <= max);
  if (dayStep !== undefined) {
    const ticks: number[] = [];
    for (let t = firstDay; t <= to; t += dayStep * DAY_SECONDS) ticks.push(t);
    return ticks;
  }
  const first = new Date(firstDay * 1000);
  const months = (step: number) => {
    // The first first-of-month at or after `from` whose month is a multiple of the step (Jan, Apr, Jul, Oct for 3).
    const ticks: number[] = [];
    let year = first.getUTCFullYear();
    let month = first.getUTCMonth() + (first.getUTCDate() === 1 ? 0 : 1);
    month = Math.ceil(month / step) * step;
    year += Math.floor(month / 12);
    month %= 12;
    for (;;) {
      const t = Date.UTC(year, month, 1) / 1000;
      if (t > to) break;
      ticks.push(t);
      month += step;
      if (month >= 12) {
        year += Math.floor(month / 12);
        month %= 12;
      }
    }
    return ticks;
  };
  for (const step of MONTH_STEPS) {
    const ticks = months(step);
    if (ticks.length <= max) return ticks;
  }
  // Decades of data: years, as many as fit.
  const years = months(12);
  const every = Math.ceil(years.length / max);
  return years.filter((_, i) => i % every === 0);
}

/** A date tick's label, "Oct 1": the calendar day of its UTC midnight, whatever the reader's zone. */
export function dayLabel(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString(DISPLAY_LOCALE, { day: "numeric", month: "short", timeZone: "UTC" });
}

/** The y axis' labels: each with the decimals of the ticks' step, so close ticks never read the same ("999.5, 1,000.0"). */
export function valueLabels(ticks: readonly number[]): string[] {
  const decimals = ticks.length > 1 ? Math.min(MAX_TICK_DECIMALS, stepDecimals(ticks[1]! - ticks[0]!)) : 0;
  return ticks.map((v) => formatValue(v, null, decimals));
}
