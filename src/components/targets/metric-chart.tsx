"use client";

import type uPlot from "uplot";
import { quietAxis, useUplot, type ColorOf } from "@/components/ui/use-uplot";
import { useTimeZone } from "@/components/ui/today";
import { DISPLAY_LOCALE, formatDateTime, formatValue, sharedDecimals, valueFormatter } from "@/lib/format";

export type MetricChartProps = {
  points: { at: Date; value: number; count: number }[];
  unit: string | null;
  baseline: number | null;
  goal: number | null;
  bandLow: number | null;
  bandHigh: number | null;
  startDate: string;
  dueDate: string;
  /** A CSS colour, often a custom property such as var(--success). */
  color: string;
  title: string;
};

const HEIGHT = 192;
/** Dates in the display locale and the user's zone, as on the rest of the page (not the browser's own). */
const day = (seconds: number, timeZone: string) =>
  new Date(seconds * 1000).toLocaleDateString(DISPLAY_LOCALE, { day: "numeric", month: "short", timeZone });

/**
 * Check-ins over time with the baseline, the goal (or band) and the due date.
 *
 * Drawn with uPlot on a canvas: a metric can have hundreds of points, and the
 * SVG chart this replaced (recharts) cost the target page about 250 ms of
 * main-thread work and 110 kB of script (bench/lighthouse.ts). The canvas says
 * nothing to a screen reader, so the figure carries a text summary, and the
 * check-ins themselves are in the table below it.
 */
export default function MetricChart(props: MetricChartProps) {
  const { points, unit, baseline, goal, bandLow, bandHigh, startDate, dueDate, color, title } = props;
  const timeZone = useTimeZone();
  const container = useUplot(
    (width, colorOf) => buildChart(props, colorOf, width, timeZone),
    [points, unit, baseline, goal, bandLow, bandHigh, startDate, dueDate, color, title, timeZone],
  );

  return (
    <figure aria-label={`${props.title}: chart of check-ins with ${props.goal !== null ? "goal" : "band"} and due date`} className="w-full">
      <div ref={container} className="uplot-chart w-full" style={{ minHeight: HEIGHT }} />
      <figcaption className="sr-only">{summary(props, timeZone)}</figcaption>
    </figure>
  );
}

function summary({ points, unit, goal, bandLow, bandHigh, dueDate }: MetricChartProps, timeZone: string) {
  if (points.length === 0) return "No check-ins yet.";
  const first = points[0]!;
  const last = points.at(-1)!;
  const f = valueFormatter([first.value, last.value, goal, bandLow, bandHigh], unit);
  const aim = goal !== null ? `goal ${f(goal)}` : `band ${f(bandLow)} to ${f(bandHigh)}`;
  return `${points.length} points from ${formatDateTime(first.at, DISPLAY_LOCALE, timeZone)} (${f(first.value)}) to ${formatDateTime(last.at, DISPLAY_LOCALE, timeZone)} (${f(last.value)}); ${aim}; due ${dueDate}.`;
}

/** The y axis' labels: three significant digits, all with the same decimals. */
function axisLabels(ticks: number[]): string[] {
  const rounded = ticks.map((v) => Number(v.toPrecision(3)));
  const decimals = sharedDecimals(rounded);
  return rounded.map((v) => formatValue(v, null, decimals));
}

function showLatest(u: uPlot) {
  const last = u.data[0].length - 1;
  if (u.cursor.idx == null && last >= 0) u.setLegend({ idx: last });
}

function buildChart(
  props: MetricChartProps,
  colorOf: ColorOf,
  width: number,
  timeZone: string,
): { options: uPlot.Options; data: uPlot.AlignedData } {
  const colors = { line: colorOf(props.color), muted: colorOf("var(--muted)"), success: colorOf("var(--success)") };
  const { points, unit, baseline, goal, bandLow, bandHigh, startDate, dueDate } = props;
  const start = Date.parse(`${startDate}T00:00:00Z`) / 1000;
  const due = Date.parse(`${dueDate}T00:00:00Z`) / 1000;
  const times = points.map((p) => p.at.getTime() / 1000);
  const xRange: [number, number] = [Math.min(start, times[0] ?? start), Math.max(due, times.at(-1) ?? start)];
  const values = [...points.map((p) => p.value), baseline, goal, bandLow, bandHigh].filter((v): v is number => v !== null);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.1;
  const axis = quietAxis(colorOf);

  const options: uPlot.Options = {
    width: Math.max(width, 200),
    height: HEIGHT,
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    scales: { x: { time: true, range: xRange }, y: { range: [lo - pad, hi + pad] } },
    axes: [
      { ...axis, grid: { show: false }, values: (_u, ticks) => ticks.map((t) => day(t, timeZone)) },
      { ...axis, size: 56, values: (_u, ticks) => axisLabels(ticks) },
    ],
    series: [
      { label: "When", value: (_u, v) => (v === null ? "–" : formatDateTime(new Date(v * 1000), DISPLAY_LOCALE, timeZone)) },
      {
        label: "Value",
        stroke: colors.line,
        width: 2,
        points: { show: points.length < 40, size: 5, fill: colors.line },
        value: (_u, v, _s, i) => {
          if (v === null) return "–";
          const count = i === null ? 1 : (points[i]?.count ?? 1);
          return `${formatValue(v, unit)}${count > 1 ? ` (mean of ${count})` : ""}`;
        },
      },
    ],
    hooks: {
      // Away from the chart, the legend shows the latest check-in rather than dashes.
      ready: [(u) => showLatest(u)],
      setCursor: [(u) => showLatest(u)],
      // Baseline, goal, band and due date drawn under the line.
      drawAxes: [
        (u) => {
          const { ctx, bbox } = u;
          const y = (v: number) => u.valToPos(v, "y", true);
          const x = (v: number) => u.valToPos(v, "x", true);
          const label = (text: string, px: number, py: number, color: string, align: CanvasTextAlign = "left") => {
            ctx.fillStyle = color;
            ctx.font = `${10 * devicePixelRatio}px system-ui, sans-serif`;
            ctx.textAlign = align;
            ctx.fillText(text, px, py);
          };
          const hLine = (v: number, color: string, dash: number[], text: string, preferAbove: boolean) => {
            // Above the line unless that would leave the plot (then below it).
            const above = preferAbove ? y(v) - bbox.top > 14 * devicePixelRatio : bbox.top + bbox.height - y(v) < 14 * devicePixelRatio;
            ctx.save();
            ctx.strokeStyle = color;
            ctx.setLineDash(dash.map((d) => d * devicePixelRatio));
            ctx.lineWidth = devicePixelRatio;
            ctx.beginPath();
            ctx.moveTo(bbox.left, y(v));
            ctx.lineTo(bbox.left + bbox.width, y(v));
            ctx.stroke();
            label(text, bbox.left + 4 * devicePixelRatio, y(v) + (above ? -4 : 12) * devicePixelRatio, color);
            ctx.restore();
          };
          if (bandLow !== null && bandHigh !== null) {
            ctx.save();
            ctx.fillStyle = colors.success;
            ctx.globalAlpha = 0.08;
            ctx.fillRect(bbox.left, y(bandHigh), bbox.width, y(bandLow) - y(bandHigh));
            ctx.restore();
            hLine(bandHigh, colors.success, [], "band", false);
            hLine(bandLow, colors.success, [], "", false);
          }
          if (baseline !== null) hLine(baseline, colors.muted, [4, 4], "baseline", true);
          if (goal !== null) hLine(goal, colors.success, [6, 3], "goal", true);
          ctx.save();
          ctx.strokeStyle = colors.muted;
          ctx.lineWidth = devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(x(due), bbox.top);
          ctx.lineTo(x(due), bbox.top + bbox.height);
          ctx.stroke();
          label("due", x(due) - 4 * devicePixelRatio, bbox.top + 12 * devicePixelRatio, colors.muted, "right");
          ctx.restore();
        },
      ],
    },
  };
  return { options, data: [times, points.map((p) => p.value)] };
}
