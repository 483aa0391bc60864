"use client";

import uPlot from "uplot";
import { quietAxis, useUplot, type ColorOf } from "@/components/ui/use-uplot";
import { SLOT_LABELS } from "@/lib/energy/slots";
import { DISPLAY_LOCALE } from "@/lib/format";

import type { EnergyChartProps } from "./energy-figure";

const HEIGHT = 256;
const LEVELS = Array.from({ length: 10 }, (_, i) => i + 1);
const weekday = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(DISPLAY_LOCALE, { weekday: "short", timeZone: "UTC" });
// The slots are times of day, not good or bad: no red or green among them. Each line has its own dash too,
// so the legend reads without colour.
const LINES = [
  { key: "start", color: "var(--accent)", dash: undefined },
  { key: "middle", color: "var(--warning)", dash: [6, 3] },
  { key: "end", color: "var(--fg)", dash: [2, 3] },
] as const;

/**
 * The week's energy at the start, middle and end of each day: one scale, 1 to
 * 10, labelled, and nothing else on it (productive hours have their own small
 * chart beside it, see productive-hours-chart.tsx). The canvas only: its figure,
 * label and caption are `EnergyFigure` (energy-figure.tsx), there before uPlot loads.
 */
export default function EnergyChart({ days }: EnergyChartProps) {
  const container = useUplot(
    (width, colorOf) => ({
      options: chartOptions(days, colorOf, width),
      data: [days.map((_, i) => i), ...LINES.map((s) => days.map((d) => d[s.key]))],
    }),
    [days],
  );
  return <div ref={container} className="uplot-chart w-full" style={{ minHeight: HEIGHT }} />;
}

function chartOptions(days: EnergyChartProps["days"], colorOf: ColorOf, width: number): uPlot.Options {
  const axis = quietAxis(colorOf);
  return {
    width: Math.max(width, 200),
    height: HEIGHT,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    // Half a level of room above 10 and below 1, so points on the edge are drawn whole.
    scales: { x: { time: false, range: [-0.5, days.length - 0.5] }, energy: { range: [0.5, 10.5] } },
    axes: [
      {
        ...axis,
        grid: { show: false },
        splits: () => days.map((_, i) => i),
        values: (_u, ticks) => ticks.map((i) => (days[i] ? weekday(days[i].day) : "")),
      },
      {
        ...axis,
        scale: "energy",
        size: 28,
        splits: () => LEVELS,
        label: "Energy, 1 drained to 10 energised",
        labelSize: 18,
        labelFont: "11px system-ui, sans-serif",
      },
    ],
    series: [
      {},
      ...LINES.map((line) => ({
        label: SLOT_LABELS[line.key],
        scale: "energy",
        stroke: colorOf(line.color),
        width: 2,
        dash: line.dash ? [...line.dash] : undefined,
        spanGaps: true,
        points: { show: true, size: 6 },
      })),
    ],
  };
}
