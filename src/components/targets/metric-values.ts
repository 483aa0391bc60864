import type { CreateMetricInput } from "@/lib/validators/targets";

/** Fields of a metric row, as the form holds them (no id, no version). */
export function metricValues(m: CreateMetricInput): CreateMetricInput {
  const { targetId, name, kind, unit, direction, baseline, goal, bandLow, bandHigh, warning } = m;
  return { targetId, name, kind, unit, direction, baseline, goal, bandLow, bandHigh, warning };
}
