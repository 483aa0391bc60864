import fc from "fast-check";
import type { MetricShape } from "@/lib/targets/status";

/**
 * Generators for the health tests (lib/targets/health-valid.test.ts, services/targets/health.sql.int.test.ts):
 * a metric's definition and values as the rule sees them.
 */

/** Values near the usual ranges, so that paces land on the boundaries; with `anyDouble`, any double within the API's ±1e12 too. */
export const metricValue = ({ anyDouble = false } = {}): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: -20, max: 120 }),
    fc.constantFrom(0, 10, 100),
    fc.integer({ min: -2000, max: 2000 }).map((v) => v / 100),
    ...(anyDouble
      ? [fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).filter((v) => v === 0 || Math.abs(v) > 1e-9)]
      : []),
  );

/** Often set, sometimes null (a metric's optional fields, a latest value not yet checked in). */
export const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });

/** A metric's definition: a number (higher, lower, a band, or no direction) or a milestone, any field missing. */
export const metricShape = (value: fc.Arbitrary<number>): fc.Arbitrary<MetricShape> =>
  fc.record({
    kind: fc.constantFrom("number" as const, "number" as const, "milestone" as const),
    direction: fc.constantFrom("higher" as const, "lower" as const, "band" as const, null),
    baseline: maybe(value),
    goal: maybe(value),
    bandLow: maybe(value),
    bandHigh: maybe(value),
    warning: maybe(value),
    done: fc.boolean(),
  });
