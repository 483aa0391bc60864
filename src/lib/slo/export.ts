import { stringify } from "yaml";
import { API_VERSION } from "./openslo-schema";
import type { SloSpec } from "./spec";

/** A Prometheus metric source with its query, as OpenSLO writes it. */
const prometheus = (query: string) => ({ metricSource: { type: "Prometheus", spec: { query } } });

/** Leaves out a field whose value is null (OpenSLO's optional fields are absent, not null). */
function present<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/**
 * The SLO as one OpenSLO v1 document with its SLI inline. parseOpenSlo reads
 * it back to the same spec (the round trip is a property test).
 */
export function exportOpenSlo(spec: SloSpec): string {
  const indicatorSpec =
    spec.kind === "availability"
      ? {
          ratioMetric: {
            counter: spec.ratio.counter,
            [spec.ratio.numerator]: prometheus(spec.ratio.numeratorQuery),
            total: prometheus(spec.ratio.totalQuery),
          },
        }
      : { thresholdMetric: prometheus(spec.threshold.query) };
  const window = spec.window.calendar
    ? { duration: spec.window.duration, calendar: spec.window.calendar, isRolling: false }
    : { duration: spec.window.duration, isRolling: true };
  const objective =
    spec.kind === "latency"
      ? present({
          displayName: spec.objective.displayName,
          op: spec.threshold.op,
          value: spec.threshold.value,
          target: spec.objective.target,
        })
      : present({ displayName: spec.objective.displayName, target: spec.objective.target });
  const document = {
    apiVersion: API_VERSION,
    kind: "SLO",
    metadata: present({ name: spec.name, displayName: spec.displayName }),
    spec: present({
      description: spec.description,
      service: spec.service,
      indicator: { metadata: present({ name: spec.indicator.name, displayName: spec.indicator.displayName }), spec: indicatorSpec },
      timeWindow: [window],
      budgetingMethod: "Occurrences",
      objectives: [objective],
    }),
  };
  // lineWidth 0: a long PromQL query stays on one line, as people write them.
  return stringify(document, { lineWidth: 0 });
}

/** A file name for the download: the SLO's name (already a DNS label) with .yaml. */
export function openSloFileName(spec: SloSpec): string {
  return `${spec.name}.openslo.yaml`;
}
