import { describe, expect, it } from "vitest";
import { describeProblem, differingLabels, readBuildInfo, readInstant, readRange, type PrometheusProblem } from "./answers";

const vector = (result: unknown[]) => ({ status: "success", data: { resultType: "vector", result } });

function problemOf(outcome: { ok: boolean; problem?: PrometheusProblem }) {
  if (outcome.ok) throw new Error("expected a problem");
  return outcome.problem!;
}

describe("differingLabels", () => {
  it("names the labels whose values differ, including one missing from a series", () => {
    expect(
      differingLabels([
        { __name__: "up", job: "api", instance: "a" },
        { __name__: "up", job: "api", instance: "b", zone: "eu" },
      ]),
    ).toEqual(["instance", "zone"]);
  });
  it("is empty for identical label sets", () => {
    expect(differingLabels([{ job: "x" }, { job: "x" }])).toEqual([]);
  });
});

describe("readInstant", () => {
  it("reads one series' value and time", () => {
    const outcome = readInstant(vector([{ metric: { job: "api" }, value: [1700000000, "99.5"] }]));
    expect(outcome).toEqual({ ok: true, value: { value: 99.5, at: new Date(1700000000_000), labels: { job: "api" } } });
  });
  it("reads a scalar", () => {
    expect(readInstant({ status: "success", data: { resultType: "scalar", result: [1700000000, "3"] } })).toMatchObject({
      ok: true,
      value: { value: 3 },
    });
  });
  it("says an empty result", () => {
    const problem = problemOf(readInstant(vector([])));
    expect(problem).toEqual({ kind: "empty" });
    expect(describeProblem(problem)).toMatch(/no series/);
  });
  it("says several series and which labels differ", () => {
    const problem = problemOf(
      readInstant(
        vector([
          { metric: { job: "api", instance: "a" }, value: [1, "1"] },
          { metric: { job: "api", instance: "b" }, value: [1, "2"] },
        ]),
      ),
    );
    expect(problem).toEqual({ kind: "several-series", count: 2, differingLabels: ["instance"] });
    expect(describeProblem(problem)).toBe(
      'The query returned 2 series that differ in "instance"; aggregate it to one (for example with sum or avg).',
    );
  });
  it("passes Prometheus's errorType and error through", () => {
    const problem = problemOf(readInstant({ status: "error", errorType: "bad_data", error: 'parse error: unexpected "}"' }));
    expect(describeProblem(problem)).toBe('Prometheus answered bad_data: parse error: unexpected "}"');
  });
  it("refuses NaN and infinities", () => {
    expect(problemOf(readInstant(vector([{ metric: {}, value: [1, "NaN"] }])))).toEqual({ kind: "not-a-number", value: "NaN" });
    expect(problemOf(readInstant(vector([{ metric: {}, value: [1, "+Inf"] }])))).toEqual({ kind: "not-a-number", value: "+Inf" });
  });
  it("says a range vector is not one number", () => {
    const problem = problemOf(readInstant({ status: "success", data: { resultType: "matrix", result: [] } }));
    expect(describeProblem(problem)).toMatch(/matrix, not one number/);
  });
  it("says an answer that is not the Prometheus API", () => {
    expect(problemOf(readInstant({ hello: "world" })).kind).toBe("not-prometheus");
    expect(problemOf(readInstant("<html>")).kind).toBe("not-prometheus");
  });
});

describe("readRange", () => {
  it("reads the points of one series and skips NaN points", () => {
    const outcome = readRange({
      status: "success",
      data: {
        resultType: "matrix",
        result: [
          {
            metric: {},
            values: [
              [86400, "1"],
              [172800, "NaN"],
              [259200, "3"],
            ],
          },
        ],
      },
    });
    expect(outcome).toEqual({
      ok: true,
      value: [
        { at: new Date(86400_000), value: 1 },
        { at: new Date(259200_000), value: 3 },
      ],
    });
  });
  it("says several series", () => {
    const outcome = readRange({
      status: "success",
      data: {
        resultType: "matrix",
        result: [
          { metric: { a: "1" }, values: [] },
          { metric: { a: "2" }, values: [] },
        ],
      },
    });
    expect(problemOf(outcome)).toMatchObject({ kind: "several-series", differingLabels: ["a"] });
  });
});

describe("readBuildInfo", () => {
  it("reads the version", () => {
    expect(readBuildInfo({ status: "success", data: { version: "2.42.0", revision: "abc", branch: "main", goVersion: "go1.19" } })).toEqual(
      {
        ok: true,
        value: { version: "2.42.0", revision: "abc", branch: "main", goVersion: "go1.19" },
      },
    );
  });
  it("says the words for timeouts, unreachable servers and refused credentials", () => {
    expect(describeProblem({ kind: "timeout", seconds: 10 })).toBe("Prometheus did not answer within 10 seconds.");
    expect(describeProblem({ kind: "unreachable", detail: "connection refused" })).toBe(
      "Prometheus could not be reached: connection refused.",
    );
    expect(describeProblem({ kind: "unauthorized", status: 401 })).toBe("Prometheus refused the credentials (HTTP 401).");
  });
});
