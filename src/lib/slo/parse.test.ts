import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatSloIssue, parseOpenSlo } from "./parse";

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../test/fixtures/openslo", name), "utf8");

/** The problems of a file, as the user reads them. */
function problems(text: string): string[] {
  const result = parseOpenSlo(text);
  if (result.ok) throw new Error("expected problems, got a spec");
  return result.issues.map(formatSloIssue);
}

/** The ratio fixture with one line swapped for another (or removed with ""). */
const ratioWith = (from: string, to: string) => {
  const text = fixture("ratio-inline.yaml");
  if (!text.includes(from)) throw new Error(`fixture lacks ${from}`);
  return text.replace(from, to);
};

describe("parseOpenSlo: valid files", () => {
  it("an inline ratio SLI is an availability with good and total queries, the window and the objective", () => {
    expect(parseOpenSlo(fixture("ratio-inline.yaml"))).toEqual({
      ok: true,
      spec: {
        kind: "availability",
        name: "checkout-availability",
        displayName: "Checkout availability",
        description: "Checkout answers without a server error.",
        service: "checkout",
        indicator: { name: "checkout-good-requests", displayName: "Good checkout requests" },
        ratio: {
          counter: true,
          numerator: "good",
          numeratorQuery: 'http_requests_total{job="checkout",code!~"5.."}',
          totalQuery: 'http_requests_total{job="checkout"}',
        },
        window: { duration: "28d", rolling: true, calendar: null },
        objective: { displayName: "Checkout answers", target: 0.999 },
      },
    });
  });

  it("an SLI by reference (another document of the file), bad over total, targetPercent as a share", () => {
    const result = parseOpenSlo(fixture("ratio-by-reference.yaml"));
    expect(result.ok && result.spec).toMatchObject({
      kind: "availability",
      name: "search-availability",
      displayName: null,
      indicator: { name: "search-errors", displayName: "Search errors" },
      ratio: { numerator: "bad", numeratorQuery: 'search_requests_total{code=~"5.."}', totalQuery: "search_requests_total" },
      window: { duration: "4w", rolling: true },
      objective: { target: 0.995 },
    });
  });

  it("a threshold SLI is a latency with its op, value and a unit guessed from the query", () => {
    const result = parseOpenSlo(fixture("threshold-latency.yaml"));
    expect(result.ok && result.spec).toMatchObject({
      kind: "latency",
      threshold: { op: "lte", value: 0.3, unit: "s" },
      objective: { displayName: "p99 under 300 ms", target: 0.99 },
    });
  });

  it("a calendar-aligned window, and DataSource or Service documents beside the SLO", () => {
    const text = `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prom
spec:
  type: Prometheus
  connectionDetails:
    url: http://prometheus:9090
---
${ratioWith("      isRolling: true", "      calendar:\n        startTime: 2026-01-01 00:00:00\n        timeZone: Europe/Berlin")}`;
    const result = parseOpenSlo(text);
    expect(result.ok && result.spec.window).toEqual({
      duration: "28d",
      rolling: false,
      calendar: { startTime: "2026-01-01 00:00:00", timeZone: "Europe/Berlin" },
    });
  });
});

describe("parseOpenSlo: every problem names its line and field", () => {
  it("a missing query names the metric source that lacks it", () => {
    expect(problems(fixture("missing-query.yaml"))).toEqual([
      "line 15, column 13, spec.indicator.spec.ratioMetric.good.metricSource: missing spec",
    ]);
  });

  it("a YAML syntax error names its line", () => {
    expect(problems("apiVersion: openslo/v1\nkind: SLO\nmetadata: [a,\nspec: x\n")[0]).toMatch(/^line 4, column 1: YAML: /);
    expect(problems(ratioWith("  service: checkout\n", "  service: checkout\n  service: again\n"))).toEqual([
      "line 10, column 3: YAML: Map keys must be unique",
    ]);
  });

  it("aliases that expand too far are a problem, not a hang", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(10).fill(`*${"abcdefgh"[i]}`).join(", ")}]`),
    ].join("\n");
    expect(problems(bomb)[0]).toMatch(/^line 1, column 1: YAML: /);
  });

  it("an unknown field and an unsupported one are named, at their key", () => {
    expect(problems(ratioWith("  service: checkout\n", "  service: checkout\n  servce: typo\n"))).toEqual([
      'line 10, column 3, spec.servce: unknown field "servce"',
    ]);
    expect(problems(ratioWith("      target: 0.999", "      target: 0.999\n      timeSliceTarget: 0.9"))).toEqual([
      "line 34, column 7, spec.objectives[0].timeSliceTarget: Timeslices budgeting is not supported: use budgetingMethod: Occurrences",
    ]);
  });

  it("unsupported values: Timeslices, a non-Prometheus source, months, two objectives, a second SLO", () => {
    expect(problems(ratioWith("budgetingMethod: Occurrences", "budgetingMethod: Timeslices"))).toEqual([
      "line 30, column 20, spec.budgetingMethod: only Occurrences budgeting is supported (Timeslices is not)",
    ]);
    expect(
      problems(
        ratioWith(
          '            type: Prometheus\n            spec:\n              query: http_requests_total{job="checkout",',
          '            type: Datadog\n            spec:\n              query: http_requests_total{job="checkout",',
        ),
      ),
    ).toEqual(["line 19, column 19, spec.indicator.spec.ratioMetric.good.metricSource.type: only Prometheus metric sources are supported"]);
    expect(problems(ratioWith("duration: 28d", "duration: 1M"))[0]).toMatch(
      /^line 28, column 17, spec\.timeWindow\[0\]\.duration: must be a number of minutes/,
    );
    expect(problems(ratioWith("      target: 0.999", "      target: 0.999\n    - target: 0.99"))).toEqual([
      "line 32, column 5, spec.objectives: only one objective per SLO is supported",
    ]);
    const two = `${fixture("ratio-inline.yaml")}---\n${fixture("threshold-latency.yaml")}`;
    expect(problems(two)).toEqual(["line 36, column 1, kind: only one SLO per file can be imported"]);
  });

  it("wrong types, ranges and missing fields", () => {
    expect(problems(ratioWith("target: 0.999", "target: 99.9"))).toEqual([
      "line 33, column 15, spec.objectives[0].target: must be below 1 (0.999 is 99.9%)",
    ]);
    expect(problems(ratioWith("        counter: true", "        counter: yes please"))).toEqual([
      "line 16, column 18, spec.indicator.spec.ratioMetric.counter: expected true or false",
    ]);
    expect(problems(ratioWith("  service: checkout\n", ""))).toEqual(["line 8, column 3, spec: missing service"]);
    expect(problems(ratioWith("apiVersion: openslo/v1", "apiVersion: openslo/v1alpha"))).toEqual([
      "line 2, column 13, apiVersion: must be openslo/v1",
    ]);
    expect(problems(ratioWith("kind: SLO", "kind: AlertPolicy"))).toEqual([
      "line 3, column 7, kind: kind AlertPolicy is not supported: Intersect imports SLO and SLI documents",
    ]);
    expect(problems("")).toEqual(["line 1, column 1, kind: no SLO document (kind: SLO) in the file"]);
  });

  it("a reference to a missing SLI, and a threshold objective without its op", () => {
    expect(problems(fixture("ratio-by-reference.yaml").replace("indicatorRef: search-errors", "indicatorRef: search-errorz"))).toEqual([
      "line 27, column 17, spec.indicatorRef: no SLI named search-errorz in the file",
    ]);
    expect(problems(fixture("threshold-latency.yaml").replace("      op: lte\n", ""))[0]).toMatch(
      /^line 23, column 7, spec\.objectives\[0\]: missing op/,
    );
    expect(problems(ratioWith("      target: 0.999", "      target: 0.999\n      op: lte"))[0]).toMatch(
      /^line 34, column 11, spec\.objectives\[0\]\.op: op and value are for a thresholdMetric/,
    );
  });
});
