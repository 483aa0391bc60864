import { z } from "zod";

/**
 * Intersect's normalised form of an OpenSLO v1 SLO (with its SLI): what is
 * stored with a target (table target_slos, jsonb) and what export writes back.
 * One SLO, one objective, one Prometheus SLI, one window, Occurrences budgeting:
 * the subset parse.ts accepts, so that parse(export(spec)) is spec again.
 */

export const THRESHOLD_OPS = ["lt", "lte", "gt", "gte"] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

/** A duration shorthand Prometheus can also use as a range: minutes, hours, days, weeks. */
export const DURATION = /^[1-9][0-9]{0,4}[mhdw]$/;

const query = z.string().trim().min(1).max(10_000);

const ratio = z.object({
  /** The queries are counters (rates over the window), or gauges (averaged over it). */
  counter: z.boolean(),
  /** Whether the numerator counts good events or bad ones (OpenSLO's good or bad). */
  numerator: z.enum(["good", "bad"]),
  numeratorQuery: query,
  totalQuery: query,
});

const threshold = z.object({
  query,
  op: z.enum(THRESHOLD_OPS),
  value: z.number().finite(),
  /** Guessed from the query's metric name (…_seconds is "s"); not part of OpenSLO. */
  unit: z.string().nullable(),
});

const common = {
  name: z.string().min(1).max(63),
  displayName: z.string().nullable(),
  description: z.string().max(1050).nullable(),
  service: z.string().min(1),
  /** The SLI's own name and display name (inline, or the SLI document's when referenced). */
  indicator: z.object({ name: z.string().min(1).max(63), displayName: z.string().nullable() }),
  window: z.object({
    duration: z.string().regex(DURATION),
    rolling: z.boolean(),
    /** A calendar-aligned window (isRolling: false) starts here, in this zone. */
    calendar: z.object({ startTime: z.string(), timeZone: z.string() }).nullable(),
  }),
  objective: z.object({
    displayName: z.string().nullable(),
    /** The share of good events aimed at, in (0, 1): 0.999 is 99.9%. */
    target: z.number().gt(0).lt(1),
  }),
};

/**
 * A ratio SLI measures availability (good events over all events); a
 * threshold SLI measures a value against a limit, which for a Prometheus
 * query is nearly always a latency (a histogram quantile in seconds).
 */
export const sloSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("availability"), ratio, ...common }),
  z.object({ kind: z.literal("latency"), threshold, ...common }),
]);

export type SloSpec = z.infer<typeof sloSpecSchema>;
export type RatioSli = z.infer<typeof ratio>;
export type ThresholdSli = z.infer<typeof threshold>;

/** The unit a threshold's value is in, guessed from the metric names in its query (Prometheus naming: base units as suffixes). */
export function guessUnit(promQl: string): string | null {
  // A histogram's series carry a suffix after the unit (…_seconds_bucket).
  const suffix = "(?:_(?:bucket|sum|count|total))?\\b";
  if (new RegExp(`_(?:milliseconds|ms)${suffix}`).test(promQl)) return "ms";
  if (new RegExp(`_seconds${suffix}`).test(promQl)) return "s";
  if (new RegExp(`_bytes${suffix}`).test(promQl)) return "bytes";
  return null;
}
