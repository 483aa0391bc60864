import type { z } from "zod";
import type { createMetricInput, updateMetricInput } from "../validators/targets";

type MetricValues = z.output<typeof createMetricInput> | Omit<z.output<typeof updateMetricInput>, "id" | "version">;

/**
 * The stored columns of a metric's form values. A milestone has no unit,
 * direction or numbers; a band metric keeps its band and no baseline or goal;
 * any other keeps baseline and goal and no band. A form switched from one kind
 * to another may still send the old fields: they are dropped, not stored.
 */
export function metricColumns(v: MetricValues) {
  const milestone = v.kind === "milestone";
  const band = v.direction === "band";
  return {
    name: v.name,
    kind: v.kind,
    unit: milestone ? null : v.unit,
    direction: milestone ? null : v.direction,
    baseline: milestone || band ? null : v.baseline,
    goal: milestone || band ? null : v.goal,
    bandLow: band ? v.bandLow : null,
    bandHigh: band ? v.bandHigh : null,
    warning: milestone ? null : v.warning,
  };
}
