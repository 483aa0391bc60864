/**
 * The HTTP side of a Prometheus data source: instant queries, range queries
 * and build info, each bounded by a timeout (AbortSignal.timeout), with bearer
 * or basic auth. Every failure comes back as a PrometheusProblem (never a
 * throw), so a pull records it in words and the scheduler moves on.
 */
import {
  readBuildInfo,
  readInstant,
  readRange,
  type BuildInfo,
  type InstantValue,
  type Outcome,
  type PrometheusProblem,
  type RangePoint,
} from "@/lib/prometheus/answers";

export type PrometheusAuth = { kind: "none" } | { kind: "bearer"; token: string } | { kind: "basic"; username: string; password: string };

export type PrometheusConnection = { baseUrl: string; auth: PrometheusAuth; timeoutMs?: number };

export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

function authorization(auth: PrometheusAuth): Record<string, string> {
  if (auth.kind === "bearer") return { authorization: `Bearer ${auth.token}` };
  if (auth.kind === "basic") return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}` };
  return {};
}

/** The API path under the base URL, keeping a path prefix (https://host/prometheus/ → …/prometheus/api/v1/…). */
function endpoint(baseUrl: string, path: string, params: Record<string, string>): URL {
  const url = new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

/** Node's fetch hides the reason in `cause`: ECONNREFUSED, ENOTFOUND, a certificate error… */
function unreachableDetail(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return "connection refused";
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") return "the host name does not resolve";
  if (cause?.code === "ECONNRESET") return "the connection was reset";
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

async function getJson(connection: PrometheusConnection, path: string, params: Record<string, string>): Promise<Outcome<unknown>> {
  const timeoutMs = connection.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  let response: Response;
  let text: string;
  try {
    response = await fetch(endpoint(connection.baseUrl, path, params), {
      headers: { accept: "application/json", ...authorization(connection.auth) },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
    });
    text = await response.text();
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "TimeoutError" || name === "AbortError") {
      return { ok: false, problem: { kind: "timeout", seconds: Math.round(timeoutMs / 100) / 10 } };
    }
    return { ok: false, problem: { kind: "unreachable", detail: unreachableDetail(error) } };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, problem: { kind: "unauthorized", status: response.status } };
  try {
    // Prometheus answers its errors (400, 422, 503) as JSON envelopes too: read them whatever the status.
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const kind = response.headers.get("content-type")?.split(";")[0] ?? "no content type";
    return { ok: false, problem: { kind: "not-prometheus", detail: `HTTP ${response.status} with ${kind}, not JSON` } };
  }
}

function then<T>(outcome: Outcome<unknown>, read: (body: unknown) => Outcome<T>): Outcome<T> {
  return outcome.ok ? read(outcome.value) : outcome;
}

/** The expression's one value now (or at `at`). */
export async function queryInstant(connection: PrometheusConnection, query: string, at?: Date): Promise<Outcome<InstantValue>> {
  const params: Record<string, string> = { query };
  if (at) params.time = String(at.getTime() / 1000);
  return then(await getJson(connection, "api/v1/query", params), readInstant);
}

/** The expression evaluated every `stepSeconds` from `start` to `end` (both included). */
export async function queryRange(
  connection: PrometheusConnection,
  query: string,
  range: { start: Date; end: Date; stepSeconds: number },
): Promise<Outcome<RangePoint[]>> {
  const params = {
    query,
    start: String(range.start.getTime() / 1000),
    end: String(range.end.getTime() / 1000),
    step: String(range.stepSeconds),
  };
  return then(await getJson(connection, "api/v1/query_range", params), readRange);
}

/** What "Test connection" shows: the server's version, or the problem. */
export async function buildInfo(connection: PrometheusConnection): Promise<Outcome<BuildInfo>> {
  return then(await getJson(connection, "api/v1/status/buildinfo", {}), readBuildInfo);
}

export type { PrometheusProblem };
