"use client";

import { lazy, Suspense, useMemo, useState } from "react";
import type { Health } from "@/lib/targets/status";
import { metricChartFrame, type MetricChartFrame } from "@/lib/targets/metric-chart-frame";
import { HEALTH_COLOR } from "@/components/ui/health-badge";
import { useTimeZone } from "@/components/ui/today";
import { chartSummary, type MetricChartProps } from "./metric-chart-words";
import { MetricSketch } from "./metric-sketch";
import type { MetricRow, TargetDetailData } from "./types";

// The chart library is a tenth of the target page's script: it comes when a pointer reaches a chart.
// Should it fail to load (a tab left open across a deploy, the network gone), the sketch stays.
const MetricChart = lazy(() => import("./metric-chart").catch(() => ({ default: SketchInstead })));

function SketchInstead({ props, frame }: { props: MetricChartProps; frame: MetricChartFrame }) {
  return <MetricSketch props={props} frame={frame} timeZone={useTimeZone()} />;
}

/**
 * A number metric's check-ins over the target's time span, with its goal or
 * band, in its health's colour. Served as a sketch (SVG, no script); the
 * interactive chart takes its place on the first pointer over it (a mouse
 * passing, a finger's tap), drawn from the same frame, and the sketch stays
 * until it is ready.
 */
export function MetricTrend({ metric, target, health }: { metric: MetricRow; target: TargetDetailData; health: Health | null }) {
  const timeZone = useTimeZone();
  const [live, setLive] = useState(false);
  const props = useMemo<MetricChartProps>(
    () => ({
      points: metric.series,
      unit: metric.unit,
      baseline: metric.direction === "band" ? null : metric.baseline,
      goal: metric.direction === "band" ? null : metric.goal,
      bandLow: metric.bandLow,
      bandHigh: metric.bandHigh,
      startDate: target.startDate,
      dueDate: target.dueDate,
      color: health ? HEALTH_COLOR[health] : "var(--accent)",
      title: metric.name,
    }),
    [metric, target.startDate, target.dueDate, health],
  );
  const frame = useMemo(() => metricChartFrame(props), [props]);
  const sketch = <MetricSketch props={props} frame={frame} timeZone={timeZone} />;

  return (
    <figure
      aria-label={`${props.title}: chart of check-ins with ${props.goal !== null ? "goal" : "band"} and due date`}
      className="w-full"
      // A move, not an enter: a pointer already resting on the chart when the page hydrated counts too.
      onPointerMove={() => setLive(true)}
      onPointerDown={() => setLive(true)}
    >
      {live ? (
        <Suspense fallback={sketch}>
          <MetricChart props={props} frame={frame} />
        </Suspense>
      ) : (
        sketch
      )}
      <figcaption className="sr-only">{chartSummary(props, timeZone)}</figcaption>
    </figure>
  );
}
