import type { Db } from "../../db/types";
import { asBulk, bulkWorkStarting } from "../../event-loop/give-way";
import { turnBetweenTransactions } from "../../event-loop/turns";
import { HEALTH_BATCH, refreshStaleTargetHealth } from "./health.stored";

/**
 * The sweep of stored health (health.stored.ts): re-judges the targets whose
 * stored rank expired with time (the pace line crossed, a due day's window
 * over) or that a write left unknown, a batch at a time, oldest first. Bounded:
 * it stops after `budgetMs` or when a batch comes back short. Until a target is
 * swept the lists judge it live, so a late sweep costs time, never correctness.
 */
export async function runHealthSweep(db: Db, options: { budgetMs?: number; batch?: number } = {}, now = () => new Date()): Promise<number> {
  const batch = options.batch ?? HEALTH_BATCH;
  const endsAt = Date.now() + (options.budgetMs ?? 2_000);
  let judged = 0;
  for (;;) {
    const n = await refreshStaleTargetHealth(db, { limit: batch }, now());
    judged += n;
    if (n < batch || Date.now() >= endsAt) return judged;
    // PGlite answers through promises alone: without a turn, the whole budget would hold every request.
    // Run by the scheduler it is bulk work, and between two batches it waits for people's requests in flight.
    await turnBetweenTransactions();
  }
}

let timer: NodeJS.Timeout | undefined;

/**
 * Starts the sweep's in-process scheduler (once per process), beside the metric
 * pulls' (pull-scheduler.ts): every HEALTH_SWEEP_INTERVAL_SECONDS (60 by
 * default), and a first run soon after start, which also fills in the ranks of
 * targets from before the stored health (migration 0026 leaves them unknown).
 * Every instance runs one; two sweeping the same row write the same answer (a
 * re-judgement only writes where no write came in between).
 */
export function startHealthSweep(getDb: () => Promise<Db>): void {
  if (timer || process.env.HEALTH_SWEEP_DISABLED === "1") return;
  const seconds = Number.parseFloat(process.env.HEALTH_SWEEP_INTERVAL_SECONDS ?? "");
  const everyMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const db = await getDb();
      await asBulk(bulkWorkStarting(db), () => runHealthSweep(db));
    } catch (error) {
      console.error("Intersect: the health sweep failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  setTimeout(() => void tick(), Math.min(everyMs, 5_000)).unref();
}
