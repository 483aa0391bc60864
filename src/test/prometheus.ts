/**
 * A private Prometheus for integration tests: Debian's /usr/bin/prometheus on a
 * free loopback port with a temporary TSDB, history written in beforehand with
 * `promtool tsdb create-blocks-from openmetrics`, and a tiny node:http exporter
 * (served by the test process) that Prometheus scrapes every second for live
 * values. `stop()` and `start()` again on the same folder and port make the
 * fault tests: the server goes away mid-schedule and comes back with its data.
 *
 * Outside CI a machine without Prometheus skips these tests (`prometheusSkip`
 * says why); in CI (CI=true) a missing binary fails them, so a broken install
 * step cannot pass as "skipped".
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const PROMETHEUS = "/usr/bin/prometheus";
const PROMTOOL = "/usr/bin/promtool";
const run = promisify(execFile);

/** Why the Prometheus tests are skipped here, or null when they run (always in CI). */
export const prometheusSkip: string | null =
  existsSync(PROMETHEUS) && existsSync(PROMTOOL)
    ? null
    : process.env.CI === "true"
      ? null // in CI the tests run and fail loudly on the missing binary
      : `skipped: ${PROMETHEUS} is not installed (apt-get install -y prometheus; CI installs it)`;

/** One historical sample: a series' labels, its value and its time in seconds since the epoch. */
export type HistorySample = { metric: string; labels?: Record<string, string>; value: number; atSeconds: number };

/** A live gauge the exporter serves: set(value) changes what the next scrape sees. */
export type LiveGauge = { metric: string; labels?: Record<string, string>; value: number };

export type TestPrometheus = {
  /** http://127.0.0.1:PORT, the base URL a data source points at. */
  url: string;
  /** The exporter's gauges; change `value` and the next scrape (1 s) picks it up. */
  live: LiveGauge[];
  /** Resolves once Prometheus has scraped the exporter with the current live values. */
  waitForScrape: () => Promise<void>;
  stop: () => Promise<void>;
  /** Starts the same server again (same port, same TSDB) after stop(). */
  start: () => Promise<void>;
  /** Stops Prometheus and the exporter and removes the temporary folder. */
  dispose: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function labelText(labels: Record<string, string> | undefined) {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return "";
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** OpenMetrics text for promtool: samples grouped by metric name (one TYPE line each), in time order, ending in # EOF. */
export function openMetricsHistory(samples: HistorySample[]): string {
  const byMetric = new Map<string, HistorySample[]>();
  for (const s of samples) byMetric.set(s.metric, [...(byMetric.get(s.metric) ?? []), s]);
  const lines: string[] = [];
  for (const [metric, list] of byMetric) {
    lines.push(`# TYPE ${metric} gauge`);
    for (const s of [...list].sort((a, b) => a.atSeconds - b.atSeconds)) {
      lines.push(`${metric}${labelText(s.labels)} ${s.value} ${s.atSeconds}`);
    }
  }
  lines.push("# EOF");
  return lines.join("\n") + "\n";
}

async function startExporter(live: LiveGauge[]): Promise<{ server: Server; port: number; scrapes: () => number }> {
  let scrapes = 0;
  const server = createServer((req, res) => {
    if (req.url !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    scrapes += 1;
    const names = [...new Set(live.map((g) => g.metric))];
    const body = names
      .map((name) =>
        [`# TYPE ${name} gauge`, ...live.filter((g) => g.metric === name).map((g) => `${name}${labelText(g.labels)} ${g.value}`)].join(
          "\n",
        ),
      )
      .join("\n");
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(body + "\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port, scrapes: () => scrapes };
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`prometheus at ${url} was not ready within ${timeoutMs} ms`);
}

/**
 * Starts a private Prometheus. `history` goes into the TSDB before the server
 * starts (it must be older than the head block: keep it at least a few hours
 * in the past); `live` gauges are served by the exporter and scraped every second.
 */
export async function startTestPrometheus(options: { history?: HistorySample[]; live?: LiveGauge[] } = {}): Promise<TestPrometheus> {
  if (!existsSync(PROMETHEUS) || !existsSync(PROMTOOL)) {
    throw new Error(`${PROMETHEUS} and ${PROMTOOL} are needed (apt-get install -y prometheus)`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "intersect-prom-"));
  const tsdb = path.join(dir, "tsdb");
  const live = options.live ?? [];
  const exporter = await startExporter(live);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  if (options.history && options.history.length > 0) {
    const file = path.join(dir, "history.om");
    await writeFile(file, openMetricsHistory(options.history));
    await run(PROMTOOL, ["tsdb", "create-blocks-from", "openmetrics", file, tsdb]);
  }
  const config = path.join(dir, "prometheus.yml");
  await writeFile(
    config,
    [
      "global:",
      "  scrape_interval: 1s",
      "  evaluation_interval: 1s",
      "scrape_configs:",
      "  - job_name: exporter",
      "    static_configs:",
      `      - targets: ["127.0.0.1:${exporter.port}"]`,
      "",
    ].join("\n"),
  );

  let child: ChildProcess | null = null;
  const start = async () => {
    if (child && child.exitCode === null) return;
    const spawned = spawn(
      PROMETHEUS,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${tsdb}`,
        // The default retention (15 days) would delete the 30-day history at once.
        "--storage.tsdb.retention.time=3650d",
        `--web.listen-address=127.0.0.1:${port}`,
        "--log.level=warn",
      ],
      { stdio: ["ignore", "ignore", "ignore"] },
    );
    child = spawned;
    await waitForReady(url, spawned);
  };
  const stop = async () => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once("exit", resolve));
    current.kill("SIGTERM");
    await exited;
  };
  const waitForScrape = async () => {
    const before = exporter.scrapes();
    const started = Date.now();
    // Two scrapes after now: the second one surely carries values set before this call.
    while (exporter.scrapes() < before + 2) {
      if (Date.now() - started > 15_000) throw new Error("prometheus did not scrape the test exporter within 15 s");
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const dispose = async () => {
    await stop();
    await new Promise<void>((resolve) => exporter.server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await start();
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url, live, waitForScrape, stop, start, dispose };
}
