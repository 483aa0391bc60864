"use client";

import type uPlot from "uplot";
import { quietAxis, useUplot, type ColorOf } from "@/components/ui/use-uplot";
import { useTimeZone } from "@/components/ui/today";
import { CHART_BOX, dayLabel, MAX_DOTS, valueLabels, xTicksFor, type MetricChartFrame } from "@/lib/targets/metric-chart-frame";
import { legendValue, legendWhen, type MetricChartProps } from "./metric-chart-words";

/**
 * The interactive chart of a metric's check-ins with the baseline, the goal
 * (or band) and the due date: a cursor, and a legend that follows it.
 *
 * Drawn with uPlot on a canvas: a metric can have hundreds of points, and the
 * SVG chart this replaced (recharts) cost the target page about 250 ms of
 * main-thread work and 110 kB of script (bench/lighthouse.ts). It is loaded
 * when a pointer reaches the chart (metric-trend.tsx); until then the page
 * shows MetricSketch, drawn from the same frame and ticks. Its container is
 * the figure's, which carries the chart's words for a screen reader.
 */
export default function MetricChart({ props, frame }: { props: MetricChartProps; frame: MetricChartFrame }) {
  const timeZone = useTimeZone();
  const container = useUplot((width, colorOf) => buildChart(props, frame, colorOf, width, timeZone), [props, frame, timeZone]);
  return <div ref={container} data-testid="metric-chart" className="uplot-chart w-full" style={{ minHeight: CHART_BOX.height }} />;
}

function showLatest(u: uPlot) {
  const last = u.data[0].length - 1;
  if (u.cursor.idx == null && last >= 0) u.setLegend({ idx: last });
}

function buildChart(
  props: MetricChartProps,
  frame: MetricChartFrame,
  colorOf: ColorOf,
  width: number,
  timeZone: string,
): { options: uPlot.Options; data: uPlot.AlignedData } {
  const colors = { line: colorOf(props.color), muted: colorOf("var(--muted)"), success: colorOf("var(--success)") };
  const { points, unit, baseline, goal, bandLow, bandHigh } = props;
  const due = frame.due;
  const times = points.map((p) => p.at.getTime() / 1000);
  const axis = quietAxis(colorOf);

  const options: uPlot.Options = {
    width: Math.max(width, 200),
    height: CHART_BOX.height,
    // The plot's box and ticks are the sketch's (lib/targets/metric-chart-frame.ts): the swap moves nothing.
    padding: [CHART_BOX.top, CHART_BOX.right, 0, 0],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    scales: { x: { time: true, range: frame.x }, y: { range: frame.y } },
    axes: [
      {
        ...axis,
        size: CHART_BOX.bottom,
        grid: { show: false },
        splits: (u) => xTicksFor(frame, u.width),
        values: (_u, ticks) => ticks.map(dayLabel),
      },
      { ...axis, size: CHART_BOX.left, splits: () => frame.yTicks, values: (_u, ticks) => valueLabels(ticks) },
    ],
    series: [
      { label: "When", value: (_u, v) => legendWhen(v === null ? undefined : new Date(v * 1000), timeZone) },
      {
        label: "Value",
        stroke: colors.line,
        width: 2,
        points: { show: points.length < MAX_DOTS, size: 5, fill: colors.line },
        value: (_u, v, _s, i) => legendValue(v === null ? undefined : { value: v, count: i === null ? 1 : (points[i]?.count ?? 1) }, unit),
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
