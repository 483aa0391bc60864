import { DISPLAY_LOCALE, formatDateTime, formatValue, valueFormatter } from "@/lib/format";
import type { MetricChartInput } from "@/lib/targets/metric-chart-frame";

/** What both drawings of a metric's chart are drawn from (see metric-trend.tsx). */
export type MetricChartProps = Omit<MetricChartInput, "points"> & {
  points: readonly { at: Date; value: number; count: number }[];
  unit: string | null;
  /** A CSS colour, often a custom property such as var(--success). */
  color: string;
  title: string;
};

/** The legend's "When": a check-in's moment in the user's zone, a dash for none. */
export function legendWhen(at: Date | undefined, timeZone: string): string {
  return at ? formatDateTime(at, DISPLAY_LOCALE, timeZone) : "–";
}

/** The legend's "Value": a check-in's value with its unit, and how many it is the mean of. */
export function legendValue(point: { value: number; count: number } | undefined, unit: string | null): string {
  if (!point) return "–";
  return `${formatValue(point.value, unit)}${point.count > 1 ? ` (mean of ${point.count})` : ""}`;
}

/** The chart in words, for a screen reader: the canvas and the sketch say nothing to one. */
export function chartSummary({ points, unit, goal, bandLow, bandHigh, dueDate }: MetricChartProps, timeZone: string): string {
  if (points.length === 0) return "No check-ins yet.";
  const first = points[0]!;
  const last = points.at(-1)!;
  const f = valueFormatter([first.value, last.value, goal, bandLow, bandHigh], unit);
  const aim = goal !== null ? `goal ${f(goal)}` : `band ${f(bandLow)} to ${f(bandHigh)}`;
  return `${points.length} points from ${formatDateTime(first.at, DISPLAY_LOCALE, timeZone)} (${f(first.value)}) to ${formatDateTime(last.at, DISPLAY_LOCALE, timeZone)} (${f(last.value)}); ${aim}; due ${dueDate}.`;
}
