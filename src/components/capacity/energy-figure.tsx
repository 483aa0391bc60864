"use client";

import dynamic from "next/dynamic";
import { useNearViewport } from "@/components/ui/use-near-viewport";

export type EnergyChartProps = {
  days: { day: string; start: number | null; middle: number | null; end: number | null }[];
};

const placeholder = <div className="h-64 w-full animate-pulse rounded bg-surface-2" />;
// The chart library (uPlot, about 22 kB of compressed script) loads in the browser when the chart
// enters the viewport: below the fold on arrival, it is not part of the page's first scripts.
const EnergyChart = dynamic(() => import("./energy-chart"), { ssr: false, loading: () => placeholder });

/**
 * The week's energy chart as a figure: its label and caption from the start (for screen readers
 * and the page's layout), the canvas once the figure is in view.
 */
export function EnergyFigure({ days }: EnergyChartProps) {
  const [ref, near] = useNearViewport<HTMLElement>();
  const logged = days.filter((d) => d.start !== null || d.middle !== null || d.end !== null).length;
  return (
    <figure
      ref={ref}
      aria-label="Chart: energy from 1 to 10 at the start of day, midday and end of day, for each day of the week"
      className="w-full"
    >
      {near ? <EnergyChart days={days} /> : placeholder}
      <figcaption className="sr-only">
        Energy logged on {logged} of {days.length} days; the week grid above has every value.
      </figcaption>
    </figure>
  );
}
