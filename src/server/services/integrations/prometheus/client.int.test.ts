/**
 * The client against a real Prometheus (the private one from src/test/prometheus.ts)
 * and against servers that misbehave in the ways the client must put into words.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeProblem } from "@/lib/prometheus/answers";
import { freePort, prometheusSkip, startTestPrometheus, type TestPrometheus } from "@/test/prometheus";
import { buildInfo, queryInstant, queryRange } from "./client";

const DAY = 86_400;

describe.skipIf(prometheusSkip !== null)(`Prometheus client against a real Prometheus ${prometheusSkip ?? ""}`, () => {
  let prom: TestPrometheus;
  const day0 = Math.floor(Date.now() / 1000 / DAY) * DAY - 5 * DAY;
  const days = [0, 1, 2, 3].map((i) => day0 + i * DAY);

  beforeAll(async () => {
    prom = await startTestPrometheus({
      history: days.map((atSeconds, i) => ({ metric: "client_history", labels: { service: "api" }, value: 90 + i, atSeconds })),
      live: [
        { metric: "client_live", value: 42.5 },
        { metric: "client_pair", labels: { zone: "eu" }, value: 1 },
        { metric: "client_pair", labels: { zone: "us" }, value: 2 },
      ],
    });
    await prom.waitForScrape();
  }, 60_000);
  afterAll(async () => prom?.dispose());

  const connection = () => ({ baseUrl: prom.url, auth: { kind: "none" as const } });

  it("reads the build info", async () => {
    expect(await buildInfo(connection())).toMatchObject({ ok: true, value: { version: expect.stringMatching(/^2\./) } });
  });

  it("reads the live value", async () => {
    expect(await queryInstant(connection(), "client_live")).toMatchObject({ ok: true, value: { value: 42.5 } });
  });

  it("reads the daily history with query_range", async () => {
    const outcome = await queryRange(connection(), "client_history", {
      start: new Date(days[0]! * 1000),
      end: new Date(days[3]! * 1000),
      stepSeconds: DAY,
    });
    expect(outcome).toEqual({ ok: true, value: days.map((at, i) => ({ at: new Date(at * 1000), value: 90 + i })) });
  });

  it("says which labels differ when the query gives several series", async () => {
    const outcome = await queryInstant(connection(), "client_pair");
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(describeProblem(outcome.problem)).toMatch(/2 series that differ in "zone"/);
  });

  it("passes a parse error through in Prometheus's words", async () => {
    const outcome = await queryInstant(connection(), "sum(");
    expect(outcome).toMatchObject({ ok: false, problem: { kind: "prometheus", errorType: "bad_data" } });
  });

  it("says an empty result", async () => {
    expect(await queryInstant(connection(), "no_such_metric")).toEqual({ ok: false, problem: { kind: "empty" } });
  });
});

describe("Prometheus client against servers that are not a healthy Prometheus", () => {
  let server: Server;
  let base: string;
  let lastAuthorization: string | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      lastAuthorization = req.headers.authorization;
      if (req.url?.startsWith("/slow/")) {
        setTimeout(() => res.writeHead(200).end("{}"), 2_000);
        return;
      }
      if (req.url?.startsWith("/locked/")) {
        res.writeHead(401).end("unauthorized");
        return;
      }
      if (req.url?.startsWith("/html/")) {
        res.writeHead(200, { "content-type": "text/html" }).end("<html>a login page</html>");
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "success", data: { version: "9.9.9" } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends bearer and basic credentials and keeps a path prefix", async () => {
    expect(await buildInfo({ baseUrl: `${base}/prefix`, auth: { kind: "bearer", token: "t0ken" } })).toMatchObject({
      ok: true,
      value: { version: "9.9.9" },
    });
    expect(lastAuthorization).toBe("Bearer t0ken");
    await buildInfo({ baseUrl: base, auth: { kind: "basic", username: "ann", password: "pw:1" } });
    expect(lastAuthorization).toBe(`Basic ${Buffer.from("ann:pw:1").toString("base64")}`);
  });

  it("says a timeout", async () => {
    expect(await queryInstant({ baseUrl: `${base}/slow`, auth: { kind: "none" }, timeoutMs: 300 }, "up")).toEqual({
      ok: false,
      problem: { kind: "timeout", seconds: 0.3 },
    });
  });

  it("says refused credentials and an answer that is not the API", async () => {
    expect(await queryInstant({ baseUrl: `${base}/locked`, auth: { kind: "none" } }, "up")).toEqual({
      ok: false,
      problem: { kind: "unauthorized", status: 401 },
    });
    expect(await queryInstant({ baseUrl: `${base}/html`, auth: { kind: "none" } }, "up")).toMatchObject({
      ok: false,
      problem: { kind: "not-prometheus", detail: "HTTP 200 with text/html, not JSON" },
    });
  });

  it("says an unreachable server", async () => {
    const closedPort = await freePort();
    expect(await queryInstant({ baseUrl: `http://127.0.0.1:${closedPort}`, auth: { kind: "none" } }, "up")).toEqual({
      ok: false,
      problem: { kind: "unreachable", detail: "connection refused" },
    });
  });
});
