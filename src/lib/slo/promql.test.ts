import { describe, expect, it } from "vitest";
import { derivePromQl, overRange } from "./promql";
import type { SloSpec } from "./spec";

const common = {
  name: "checkout",
  displayName: null,
  description: null,
  service: "checkout",
  indicator: { name: "checkout-sli", displayName: null },
  window: { duration: "28d", rolling: true, calendar: null },
  objective: { displayName: null, target: 0.999 },
};

describe("derivePromQl", () => {
  it("good over total: availability in percent over the window, error ratios over the window, 1 h and 6 h", () => {
    const spec: SloSpec = {
      ...common,
      kind: "availability",
      ratio: { counter: true, numerator: "good", numeratorQuery: 'http_requests_total{code!~"5.."}', totalQuery: "http_requests_total" },
    };
    const q = derivePromQl(spec);
    expect(q.errorRatio.window).toBe('1 - ((sum(rate(http_requests_total{code!~"5.."}[28d]))) / (sum(rate(http_requests_total[28d]))))');
    expect(q.value).toBe(`100 * (1 - (${q.errorRatio.window}))`);
    expect(q.errorRatio["1h"]).toBe('1 - ((sum(rate(http_requests_total{code!~"5.."}[1h]))) / (sum(rate(http_requests_total[1h]))))');
    expect(q.errorRatio["6h"]).toContain("[6h]");
  });

  it("bad over total: the error ratio is the ratio itself", () => {
    const spec: SloSpec = {
      ...common,
      kind: "availability",
      ratio: { counter: true, numerator: "bad", numeratorQuery: 'errors_total{code=~"5.."}', totalQuery: "requests_total" },
    };
    expect(derivePromQl(spec).errorRatio["1h"]).toBe('(sum(rate(errors_total{code=~"5.."}[1h]))) / (sum(rate(requests_total[1h])))');
  });

  it("a range for any query: a selector takes it directly, an expression through a subquery, Sloth's {{.window}} in place, gauges averaged", () => {
    expect(overRange("up", "1h", true)).toBe("sum(rate(up[1h]))");
    expect(overRange('sum by (job) (x_total{a="b"})', "1h", true)).toBe('sum(rate((sum by (job) (x_total{a="b"}))[1h:]))');
    expect(overRange("sum(rate(x_total[{{.window}}])) + sum(rate(y_total[{{ .window }}]))", "6h", true)).toBe(
      "sum(rate(x_total[6h])) + sum(rate(y_total[6h]))",
    );
    expect(overRange("queue_ok", "6h", false)).toBe("sum(avg_over_time(queue_ok[6h]))");
  });

  it("threshold: the query is the value; the error ratio is the share of samples past the threshold", () => {
    const spec: SloSpec = {
      ...common,
      kind: "latency",
      threshold: { query: "histogram_quantile(0.99, rate(d_seconds_bucket[5m]))", op: "lte", value: 0.3, unit: "s" },
    };
    const q = derivePromQl(spec);
    expect(q.value).toBe("histogram_quantile(0.99, rate(d_seconds_bucket[5m]))");
    expect(q.errorRatio["1h"]).toBe("1 - avg_over_time(((histogram_quantile(0.99, rate(d_seconds_bucket[5m]))) <= bool 0.3)[1h:])");
    expect(q.errorRatio.window).toContain("[28d:]");
  });
});
