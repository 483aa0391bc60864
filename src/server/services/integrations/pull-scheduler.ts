import type { Db } from "../../db/types";
import { Pacer } from "@/lib/pacer";
import { DEFAULT_PULL_BATCH, pullDueMetrics, type PullOptions } from "./pull";

/** A positive number from the environment, or the default. */
function envNumber(name: string, fallback: number): number {
  const value = Number.parseFloat(process.env[name] ?? "");
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The scheduler's settings from the environment (README: "Prometheus"). */
export function pullSettingsFromEnv() {
  return {
    everyMs: envNumber("METRIC_PULL_INTERVAL_SECONDS", 30) * 1000,
    concurrency: Math.floor(envNumber("METRIC_PULL_CONCURRENCY", 4)),
    timeoutMs: envNumber("METRIC_PULL_TIMEOUT_SECONDS", 10) * 1000,
    perSecond: envNumber("METRIC_PULL_RATE", 10),
  };
}

export type PullRun = { claims: number; pulls: number };

/**
 * One tick of an instance's scheduler: claims batches while they come back
 * full (a catch-up after a restart, or many bindings falling due at once)
 * until nothing is due or the tick's time is used, every query started at the
 * instance's pace. So a backlog is worked through within minutes, not one
 * batch per tick, yet never faster than the pull budget: the bench
 * (bench/pulls.ts) measured an unpaced catch-up at ~290 pulls a second
 * taking the two cores from the pages.
 */
export async function runPullTick(
  db: Db,
  options: PullOptions & { everyMs: number; /** Stops claiming more (the batch in hand is finished). */ signal?: AbortSignal },
  now = () => new Date(),
): Promise<PullRun> {
  const batch = options.batch ?? DEFAULT_PULL_BATCH;
  const endsAt = Date.now() + options.everyMs;
  const run: PullRun = { claims: 0, pulls: 0 };
  for (;;) {
    const results = await pullDueMetrics(db, now(), options);
    run.claims++;
    run.pulls += results.length;
    if (results.length < batch || Date.now() >= endsAt || options.signal?.aborted) return run;
  }
}

let timer: NodeJS.Timeout | undefined;

/**
 * Starts the metric pulls' in-process scheduler (once per process). Every
 * instance runs one; the claim in the database (pull.ts) gives each due pull
 * to one instance. It looks for due bindings every METRIC_PULL_INTERVAL_SECONDS
 * (30 by default), with METRIC_PULL_CONCURRENCY queries at once (4), a
 * METRIC_PULL_TIMEOUT_SECONDS timeout per query (10) and at most
 * METRIC_PULL_RATE queries started a second (10: 500 hourly bindings need
 * 0.14). Runs never overlap in a process, and a failed run is logged and
 * retried at the next tick. The next due time lives in the database, so a
 * restart picks up where it stopped and pulls what was missed, at that pace.
 */
export function startMetricPullScheduler(getDb: () => Promise<Db>): void {
  if (timer || process.env.METRIC_PULL_DISABLED === "1") return;
  const { everyMs, concurrency, timeoutMs, perSecond } = pullSettingsFromEnv();
  const options = { everyMs, concurrency, timeoutMs, pacer: new Pacer(perSecond) };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runPullTick(await getDb(), options);
    } catch (error) {
      console.error("Intersect: a metric pull run failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  setTimeout(() => void tick(), Math.min(everyMs, 5_000)).unref();
}
