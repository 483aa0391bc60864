import type { SloSpec } from "./spec";

/** Rounds away the binary noise of 0.999 × 100 (99.9 must be stored as 99.9). */
const tidy = (x: number) => Number(x.toPrecision(12));

/** The most characters of a target's title and a metric's name (the target form's limits). */
const TITLE_MAX = 200;
const METRIC_NAME_MAX = 120;

/**
 * The reliability target an SLO becomes, with its one metric:
 * - availability: "Availability" in %, higher is better, goal = objective × 100.
 *   The baseline is ten error budgets below the goal (99 for 99.9, 90 for 99),
 *   so progress reads as how far the service is from burning ten budgets
 *   toward the objective, not from 0% (where every real service is at 99%+);
 * - latency (threshold): the query's value, lower is better for lt/lte
 *   (higher for gt/gte), goal = the threshold, baseline twice as far off
 *   (double it, or half it), in the unit guessed from the query.
 */
export function sloTarget(spec: SloSpec) {
  const title = (spec.displayName ?? spec.name).slice(0, TITLE_MAX);
  const description = spec.description;
  if (spec.kind === "availability") {
    const goal = tidy(spec.objective.target * 100);
    return {
      title,
      description,
      metric: {
        name: (spec.objective.displayName ?? "Availability").slice(0, METRIC_NAME_MAX),
        kind: "number" as const,
        unit: "%",
        direction: "higher" as const,
        goal,
        baseline: tidy(Math.max(0, 100 - 10 * (100 - goal))),
      },
    };
  }
  const { value, op, unit } = spec.threshold;
  const lower = op === "lt" || op === "lte";
  const baseline = lower ? (value > 0 ? value * 2 : value + 1) : value > 0 ? value / 2 : value - 1;
  return {
    title,
    description,
    metric: {
      name: (spec.objective.displayName ?? "Latency").slice(0, METRIC_NAME_MAX),
      kind: "number" as const,
      unit,
      direction: lower ? ("lower" as const) : ("higher" as const),
      goal: value,
      baseline: tidy(baseline),
    },
  };
}
