/**
 * Reading Prometheus's HTTP API answers (https://prometheus.io/docs/prometheus/latest/querying/api/)
 * into one value, a daily series or build info, and every way that can fail
 * into a problem that is said in words on the metric and on Home. Pure: the
 * client (server/services/integrations/prometheus/client.ts) does the fetching.
 */

/** Why a query gave no usable value. */
export type PrometheusProblem =
  | { kind: "prometheus"; errorType: string; error: string }
  | { kind: "empty" }
  | { kind: "several-series"; count: number; differingLabels: string[] }
  | { kind: "not-a-number"; value: string }
  | { kind: "timeout"; seconds: number }
  | { kind: "unreachable"; detail: string }
  | { kind: "unauthorized"; status: number }
  | { kind: "not-prometheus"; detail: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: PrometheusProblem };

export type InstantValue = { value: number; at: Date; labels: Record<string, string> };
export type RangePoint = { at: Date; value: number };
export type BuildInfo = { version: string; revision: string; branch: string; goVersion: string };

type Series = { metric?: Record<string, string> };

/** The labels whose values are not the same in every series (a label missing from some counts as differing). */
export function differingLabels(series: Record<string, string>[]): string[] {
  const names = new Set(series.flatMap((labels) => Object.keys(labels)));
  return [...names].filter((name) => new Set(series.map((labels) => labels[name] ?? "\u0000absent")).size > 1).sort();
}

/** The problem in one sentence, for the metric card and Home. */
export function describeProblem(problem: PrometheusProblem): string {
  switch (problem.kind) {
    case "prometheus":
      return `Prometheus answered ${problem.errorType}: ${problem.error}`;
    case "empty":
      return "The query returned no series: check the metric name and label matchers.";
    case "several-series": {
      const labels = problem.differingLabels;
      const which = labels.length > 0 ? ` that differ in ${labels.map((l) => `"${l}"`).join(", ")}` : "";
      return `The query returned ${problem.count} series${which}; aggregate it to one (for example with sum or avg).`;
    }
    case "not-a-number":
      return `The query returned ${problem.value}, which is not a number that can be checked in.`;
    case "timeout":
      return `Prometheus did not answer within ${problem.seconds} seconds.`;
    case "unreachable":
      return `Prometheus could not be reached: ${problem.detail}.`;
    case "unauthorized":
      return `Prometheus refused the credentials (HTTP ${problem.status}).`;
    case "not-prometheus":
      return `The answer was not from the Prometheus API: ${problem.detail}.`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The `data` of a success envelope, or the problem: Prometheus's own errorType/error, or an answer that is not its API. */
export function unwrapEnvelope(body: unknown): Outcome<unknown> {
  if (!isRecord(body) || (body.status !== "success" && body.status !== "error")) {
    return { ok: false, problem: { kind: "not-prometheus", detail: "no status field in the JSON" } };
  }
  if (body.status === "error") {
    return {
      ok: false,
      problem: { kind: "prometheus", errorType: String(body.errorType ?? "error"), error: String(body.error ?? "no message") },
    };
  }
  return { ok: true, value: body.data };
}

function sampleValue(raw: unknown): Outcome<{ at: Date; value: number }> {
  if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== "number" || typeof raw[1] !== "string") {
    return { ok: false, problem: { kind: "not-prometheus", detail: "a sample is not [time, value]" } };
  }
  const value = Number(raw[1]);
  if (!Number.isFinite(value)) return { ok: false, problem: { kind: "not-a-number", value: raw[1] } };
  return { ok: true, value: { at: new Date(raw[0] * 1000), value } };
}

function oneSeries<T extends Series>(result: T[]): Outcome<T> {
  if (result.length === 0) return { ok: false, problem: { kind: "empty" } };
  if (result.length > 1) {
    const labels = result.map((s) => s.metric ?? {});
    return { ok: false, problem: { kind: "several-series", count: result.length, differingLabels: differingLabels(labels) } };
  }
  return { ok: true, value: result[0]! };
}

/** /api/v1/query: exactly one finite value (a one-series vector or a scalar). */
export function readInstant(body: unknown): Outcome<InstantValue> {
  const data = unwrapEnvelope(body);
  if (!data.ok) return data;
  if (!isRecord(data.value)) return { ok: false, problem: { kind: "not-prometheus", detail: "no data in the answer" } };
  const { resultType, result } = data.value;
  if (resultType === "scalar") {
    const sample = sampleValue(result);
    return sample.ok ? { ok: true, value: { ...sample.value, labels: {} } } : sample;
  }
  if (resultType !== "vector" || !Array.isArray(result)) {
    return {
      ok: false,
      problem: {
        kind: "prometheus",
        errorType: "bad_data",
        error: `the query gives a ${String(resultType)}, not one number (an instant vector)`,
      },
    };
  }
  const series = oneSeries(result as (Series & { value?: unknown })[]);
  if (!series.ok) return series;
  const sample = sampleValue(series.value.value);
  return sample.ok ? { ok: true, value: { ...sample.value, labels: series.value.metric ?? {} } } : sample;
}

/** /api/v1/query_range: the points of exactly one series; non-finite points are left out. */
export function readRange(body: unknown): Outcome<RangePoint[]> {
  const data = unwrapEnvelope(body);
  if (!data.ok) return data;
  if (!isRecord(data.value) || data.value.resultType !== "matrix" || !Array.isArray(data.value.result)) {
    return { ok: false, problem: { kind: "not-prometheus", detail: "a range query did not give a matrix" } };
  }
  const series = oneSeries(data.value.result as (Series & { values?: unknown })[]);
  if (!series.ok) return series;
  const values = Array.isArray(series.value.values) ? series.value.values : [];
  const points: RangePoint[] = [];
  for (const raw of values) {
    const sample = sampleValue(raw);
    if (sample.ok) points.push(sample.value);
    else if (sample.problem.kind !== "not-a-number") return sample;
  }
  if (points.length === 0) return { ok: false, problem: { kind: "empty" } };
  return { ok: true, value: points };
}

/** /api/v1/status/buildinfo: what "Test connection" shows. */
export function readBuildInfo(body: unknown): Outcome<BuildInfo> {
  const data = unwrapEnvelope(body);
  if (!data.ok) return data;
  if (!isRecord(data.value) || typeof data.value.version !== "string") {
    return { ok: false, problem: { kind: "not-prometheus", detail: "no version in the build info" } };
  }
  const info = data.value;
  return {
    ok: true,
    value: {
      version: info.version as string,
      revision: String(info.revision ?? ""),
      branch: String(info.branch ?? ""),
      goVersion: String(info.goVersion ?? ""),
    },
  };
}
