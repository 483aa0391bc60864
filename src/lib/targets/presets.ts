import type { CreateMetricInput } from "../validators/targets";

type Preset = { label: string; values: Omit<CreateMetricInput, "targetId"> };

/** Common metrics to start from; every field stays editable. */
export const METRIC_PRESETS: Preset[] = [
  {
    label: "Uptime %",
    values: { name: "Uptime", kind: "number", unit: "%", direction: "higher", baseline: 99.5, goal: 99.95, warning: 99.8 },
  },
  { label: "P99 latency (ms)", values: { name: "P99 latency", kind: "number", unit: "ms", direction: "lower", baseline: 800, goal: 300 } },
  {
    label: "P50–P99 spread (ms)",
    values: { name: "P50–P99 spread", kind: "number", unit: "ms", direction: "lower", baseline: 600, goal: 200 },
  },
  { label: "Error rate", values: { name: "Error rate", kind: "number", unit: "errors/min", direction: "lower", baseline: 10, goal: 1 } },
  { label: "Throughput", values: { name: "Throughput", kind: "number", unit: "req/s", direction: "higher", baseline: 1000, goal: 2000 } },
  { label: "CPU use (cores)", values: { name: "CPU in use", kind: "number", unit: "cores", direction: "lower", baseline: 400, goal: 300 } },
  {
    label: "Memory use (band)",
    values: { name: "Memory use", kind: "number", unit: "%", direction: "band", bandLow: 40, bandHigh: 75, warning: 10 },
  },
  { label: "Milestone (done / not)", values: { name: "Milestone", kind: "milestone" } },
];
