"use client";

import uPlot from "uplot";
import { quietAxis, useUplot, type ColorOf } from "@/components/ui/use-uplot";
import { DISPLAY_LOCALE } from "@/lib/format";

export type EnergyChartProps = {
  days: { day: string; start: number | null; middle: number | null; end: number | null; productiveHours: number | null }[];
};

const HEIGHT = 256;
const weekday = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(DISPLAY_LOCALE, { weekday: "short", timeZone: "UTC" });
const SLOTS = [
  { key: "start", label: "Start of day", color: "var(--success)", dash: undefined },
  { key: "middle", label: "Midday", color: "var(--warning)", dash: [5, 3] },
  { key: "end", label: "End of day", color: "var(--danger)", dash: [2, 2] },
] as const;

/** The week's energy at the start, middle and end of each day (lines), with productive hours (bars). */
export default function EnergyChart({ days }: EnergyChartProps) {
  const container = useUplot(
    (width, colorOf) => ({
      options: chartOptions(days, colorOf, width),
      data: [days.map((_, i) => i), days.map((d) => d.productiveHours), ...SLOTS.map((s) => days.map((d) => d[s.key]))],
    }),
    [days],
  );
  const logged = days.filter((d) => d.start !== null || d.middle !== null || d.end !== null).length;
  return (
    <figure aria-label="Chart: energy at the start, middle and end of each day, and productive hours" className="w-full">
      <div ref={container} className="uplot-chart w-full" style={{ minHeight: HEIGHT }} />
      <figcaption className="sr-only">
        Energy logged on {logged} of {days.length} days; the week grid above has every value.
      </figcaption>
    </figure>
  );
}

function chartOptions(days: EnergyChartProps["days"], colorOf: ColorOf, width: number): uPlot.Options {
  const axis = quietAxis(colorOf);
  const accent = colorOf("var(--accent)");
  return {
    width: Math.max(width, 200),
    height: HEIGHT,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false, range: [-0.5, days.length - 0.5] }, energy: { range: [1, 10] }, hours: { range: [0, 12] } },
    axes: [
      {
        ...axis,
        grid: { show: false },
        splits: () => days.map((_, i) => i),
        values: (_u, ticks) => ticks.map((i) => (days[i] ? weekday(days[i].day) : "")),
      },
      { ...axis, scale: "energy", size: 32, splits: () => [1, 4, 7, 10] },
      { ...axis, scale: "hours", side: 1, size: 32, grid: { show: false } },
    ],
    series: [
      {},
      {
        label: "Productive hours",
        scale: "hours",
        fill: accent,
        stroke: accent,
        alpha: 0.2,
        width: 0,
        paths: uPlot.paths.bars!({ size: [0.6, 48] }),
        points: { show: false },
      },
      ...SLOTS.map((slot) => ({
        label: slot.label,
        scale: "energy",
        stroke: colorOf(slot.color),
        width: 2,
        dash: slot.dash ? [...slot.dash] : undefined,
        spanGaps: true,
        points: { show: true, size: 5 },
      })),
    ],
  };
}
