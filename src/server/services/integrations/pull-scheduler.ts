import type { Db } from "../../db/types";
import { pullDueMetrics } from "./pull";

/** A positive number from the environment, or the default. */
function envNumber(name: string, fallback: number): number {
  const value = Number.parseFloat(process.env[name] ?? "");
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

let timer: NodeJS.Timeout | undefined;

/**
 * Starts the metric pulls' in-process scheduler (once per process). Every
 * instance runs one; the claim in the database (pull.ts) gives each due pull
 * to one instance. It looks for due bindings every METRIC_PULL_INTERVAL_SECONDS
 * (30 by default), with METRIC_PULL_CONCURRENCY queries at once (4) and a
 * METRIC_PULL_TIMEOUT_SECONDS timeout per query (10). Runs never overlap in a
 * process, and a failed run is logged and retried at the next tick. The next
 * due time lives in the database, so a restart picks up where it stopped and
 * pulls what was missed at once.
 */
export function startMetricPullScheduler(getDb: () => Promise<Db>): void {
  if (timer || process.env.METRIC_PULL_DISABLED === "1") return;
  const everyMs = envNumber("METRIC_PULL_INTERVAL_SECONDS", 30) * 1000;
  const options = {
    concurrency: Math.floor(envNumber("METRIC_PULL_CONCURRENCY", 4)),
    timeoutMs: envNumber("METRIC_PULL_TIMEOUT_SECONDS", 10) * 1000,
  };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await pullDueMetrics(await getDb(), new Date(), options);
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
