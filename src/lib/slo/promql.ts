import type { RatioSli, SloSpec, ThresholdSli } from "./spec";

/**
 * The PromQL an SLO is measured by, for the metric a Prometheus data source
 * binds to the target and for its burn rates.
 *
 * How the "availability or latency metric" maps:
 * - a ratioMetric is an availability: `value` is the share of good events over
 *   the SLO's window, in percent (the target's metric is "Availability, %,
 *   higher is better, goal = objective × 100");
 * - a thresholdMetric is a latency (or any value held to a limit): `value` is
 *   the query itself, the metric is "lower is better" for op lt/lte
 *   ("higher" for gt/gte) with the objective's value as its goal.
 * `errorRatio` is the share of bad events (ratio) or of samples past the
 * threshold (threshold) over the window and over 1 h and 6 h: divided by the
 * error budget (1 − objective) these are the burn rates Sloth and Pyrra show.
 */
export type SloQueries = {
  value: string;
  errorRatio: { window: string; "1h": string; "6h": string };
};

/** The burn-rate windows shown on a target (Sloth's and Pyrra's fastest pair of multi-window alerts). */
export const BURN_WINDOWS = ["1h", "6h"] as const;

/** A bare metric selector (a name with optional label matchers), which can take a range directly. */
const SELECTOR = /^[a-zA-Z_:][a-zA-Z0-9_:]*\s*(\{[^{}]*\})?$/;
/** Sloth's placeholder for the range in a query (`rate(x[{{.window}}])`): the query then says itself how to aggregate. */
const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;
const HAS_WINDOW = /\{\{\s*\.window\s*\}\}/;

/**
 * A query's events over a range: a counter's rate (a bare selector, or a
 * subquery of an expression), a gauge's average; or the query as written when
 * it carries Sloth's `{{.window}}`.
 */
export function overRange(query: string, range: string, counter: boolean): string {
  const q = query.trim();
  if (HAS_WINDOW.test(q)) return q.replace(WINDOW_PLACEHOLDER, range);
  const fn = counter ? "rate" : "avg_over_time";
  return SELECTOR.test(q) ? `sum(${fn}(${q}[${range}]))` : `sum(${fn}((${q})[${range}:]))`;
}

function ratioErrorRatio(ratio: RatioSli, range: string): string {
  const numerator = overRange(ratio.numeratorQuery, range, ratio.counter);
  const total = overRange(ratio.totalQuery, range, ratio.counter);
  return ratio.numerator === "bad" ? `(${numerator}) / (${total})` : `1 - ((${numerator}) / (${total}))`;
}

/** The comparison a good sample passes: the objective's op, as PromQL's `bool` form (1 when good, 0 when not). */
const PROMQL_OP = { lt: "<", lte: "<=", gt: ">", gte: ">=" } as const;

function thresholdErrorRatio(threshold: ThresholdSli, range: string): string {
  const good = `(${stripWindow(threshold.query)}) ${PROMQL_OP[threshold.op]} bool ${threshold.value}`;
  return `1 - avg_over_time((${good})[${range}:])`;
}

/** A threshold query is instantaneous; a `{{.window}}` in it is read as Prometheus' usual 5 m rate window. */
function stripWindow(query: string): string {
  return query.trim().replace(WINDOW_PLACEHOLDER, "5m");
}

export function derivePromQl(spec: SloSpec): SloQueries {
  const range = spec.window.duration;
  if (spec.kind === "availability") {
    const over = (r: string) => ratioErrorRatio(spec.ratio, r);
    return {
      value: `100 * (1 - (${over(range)}))`,
      errorRatio: { window: over(range), "1h": over("1h"), "6h": over("6h") },
    };
  }
  const over = (r: string) => thresholdErrorRatio(spec.threshold, r);
  return { value: stripWindow(spec.threshold.query), errorRatio: { window: over(range), "1h": over("1h"), "6h": over("6h") } };
}
