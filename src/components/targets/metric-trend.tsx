"use client";

import dynamic from "next/dynamic";
import type { Health } from "@/lib/targets/status";
import { HEALTH_COLOR } from "@/components/ui/health-badge";
import type { MetricRow, TargetDetailData } from "./types";

// The chart library is large: load it only in the browser, after the page.
const MetricChart = dynamic(() => import("./metric-chart"), {
  ssr: false,
  loading: () => <div className="h-48 w-full animate-pulse rounded bg-surface-2" />,
});

/** A number metric's check-ins over the target's time span, with its goal or band, in its health's colour. */
export function MetricTrend({ metric, target, health }: { metric: MetricRow; target: TargetDetailData; health: Health | null }) {
  return (
    <MetricChart
      points={metric.series}
      unit={metric.unit}
      baseline={metric.direction === "band" ? null : metric.baseline}
      goal={metric.direction === "band" ? null : metric.goal}
      bandLow={metric.bandLow}
      bandHigh={metric.bandHigh}
      startDate={target.startDate}
      dueDate={target.dueDate}
      color={health ? HEALTH_COLOR[health] : "var(--accent)"}
      title={metric.name}
    />
  );
}
