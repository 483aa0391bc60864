import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportOpenSlo } from "./export";
import { parseOpenSlo } from "./parse";
import { guessUnit, THRESHOLD_OPS, type SloSpec } from "./spec";

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../test/fixtures/openslo", name), "utf8");

const dnsName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
/** Text as people write it, including quotes, colons, '#', newlines and non-ASCII. */
const someText = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 });
const query = fc
  .oneof(fc.constantFrom('http_requests_total{code!~"5.."}', "sum(rate(x_seconds_bucket[{{.window}}]))", "up"), someText)
  .map((q) => q.trim())
  .filter((q) => q.length > 0);
const objectiveTarget = fc.double({ min: 0.5, max: 0.99999, noNaN: true }).filter((t) => t > 0 && t < 1);

const common = fc.record({
  name: dnsName,
  displayName: fc.option(someText, { nil: null }),
  description: fc.option(someText, { nil: null }),
  service: someText,
  indicator: fc.record({ name: dnsName, displayName: fc.option(someText, { nil: null }) }),
  window: fc.oneof(
    fc.record({
      duration: fc.constantFrom("28d", "30d", "1w", "4w", "90m", "12h"),
      rolling: fc.constant(true),
      calendar: fc.constant(null),
    }),
    fc.record({
      duration: fc.constantFrom("7d", "30d"),
      rolling: fc.constant(false),
      calendar: fc.record({ startTime: fc.constant("2026-01-01 00:00:00"), timeZone: fc.constantFrom("UTC", "Europe/Berlin") }),
    }),
  ),
  objective: fc.record({ displayName: fc.option(someText, { nil: null }), target: objectiveTarget }),
});

const spec: fc.Arbitrary<SloSpec> = fc.oneof(
  fc
    .tuple(
      common,
      fc.record({
        counter: fc.boolean(),
        numerator: fc.constantFrom("good" as const, "bad" as const),
        numeratorQuery: query,
        totalQuery: query,
      }),
    )
    .map(([c, ratio]) => ({ ...c, kind: "availability" as const, ratio })),
  fc.tuple(common, query, fc.constantFrom(...THRESHOLD_OPS), fc.double({ min: -1e6, max: 1e6, noNaN: true })).map(([c, q, op, value]) => ({
    ...c,
    kind: "latency" as const,
    threshold: { query: q, op, value: Object.is(value, -0) ? 0 : value, unit: guessUnit(q) },
  })),
);

describe("exportOpenSlo", () => {
  it("round trip: parse(export(spec)) is spec", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const back = parseOpenSlo(exportOpenSlo(s));
        expect(back).toEqual({ ok: true, spec: s });
      }),
      { numRuns: 300 },
    );
  });

  it("the fixtures survive a round trip, and the export is an OpenSLO v1 SLO with its SLI inline", () => {
    for (const name of ["ratio-inline.yaml", "ratio-by-reference.yaml", "threshold-latency.yaml"]) {
      const first = parseOpenSlo(fixture(name));
      if (!first.ok) throw new Error(`${name} does not parse`);
      const yaml = exportOpenSlo(first.spec);
      expect(yaml).toMatch(/^apiVersion: openslo\/v1\nkind: SLO\n/);
      expect(yaml).toContain("budgetingMethod: Occurrences");
      expect(yaml).not.toContain("indicatorRef");
      expect(parseOpenSlo(yaml)).toEqual(first);
    }
  });
});
