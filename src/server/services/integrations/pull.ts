/**
 * Pulling bound metrics from Prometheus on their schedule (issue #19 part 3).
 *
 * Every app instance runs `pullDueMetrics` every few seconds; the database
 * decides who pulls what. A claim is one short transaction: the due bindings,
 * earliest first, locked FOR UPDATE SKIP LOCKED (another instance's claim in
 * flight skips them instead of waiting), have `next_due_at` moved forward by a
 * lease and are returned. So a binding is claimed by one instance, and a
 * crash mid-pull only delays it by the lease. The HTTP query then runs outside
 * any transaction, under a per-query timeout and a concurrency limit, and its
 * outcome sets the real next due time: one interval later after a success,
 * a backoff that doubles per failure after an error. Nothing here runs inside
 * a request.
 *
 * On PGlite (one connection, one process) SKIP LOCKED is accepted and the
 * claims simply run one after another; on PostgreSQL it is what keeps two
 * instances from pulling the same binding. pg-boss 10.4 would need a job per
 * binding and per run, and its own schema next to drizzle's migrations; the
 * due time is already a column of the binding, so a claim on that column is
 * the whole queue (README: "Prometheus").
 */
import { rejudgeAfterWrite } from "../targets/health.stored";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/types";
import { checkIns, dataSources, metricBindings } from "../../db/schema/index";
import { describeProblem, type Outcome, type PrometheusProblem } from "@/lib/prometheus/answers";
import { backoffMinutes, missedRange } from "@/lib/prometheus/schedule";
import { Pacer } from "@/lib/pacer";
import { Semaphore } from "@/lib/semaphore";
import { connectionOf } from "./data-sources.read";
import { queryInstant, queryRange, DEFAULT_QUERY_TIMEOUT_MS } from "./prometheus/client";

export type PullOptions = {
  /** At most this many bindings claimed per run. */
  batch?: number;
  /** At most this many queries at once per instance. */
  concurrency?: number;
  timeoutMs?: number;
  /** How long a claim holds a binding before another instance may take it (a crash mid-pull). */
  leaseMs?: number;
  /** Spaces the queries' starts (the instance's pull budget, see pull-scheduler.ts); none: as fast as `concurrency` allows. */
  pacer?: Pacer;
};

type Binding = typeof metricBindings.$inferSelect;
export type PullResult = { bindingId: string; ok: boolean; values: number; error?: string };

/** Claims the due bindings (see above): their lease is set before any query runs. */
export async function claimDueBindings(db: Db, now: Date, batch: number, leaseMs: number): Promise<Binding[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: metricBindings.id })
      .from(metricBindings)
      .where(lte(metricBindings.nextDueAt, now))
      .orderBy(asc(metricBindings.nextDueAt))
      .limit(batch)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(metricBindings)
      .set({ nextDueAt: leaseUntil, lastAttemptAt: now })
      .where(
        inArray(
          metricBindings.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/** Queries one binding's source and records the outcome: check-ins on success, the error in words otherwise. */
export async function pullBinding(db: Db, binding: Binding, now: Date, timeoutMs = DEFAULT_QUERY_TIMEOUT_MS): Promise<PullResult> {
  const [source] = await db
    .select()
    .from(dataSources)
    .where(and(eq(dataSources.orgId, binding.orgId), eq(dataSources.id, binding.dataSourceId)));
  if (!source) return { bindingId: binding.id, ok: false, values: 0, error: "The data source is gone." };
  const connection = connectionOf(source);
  let outcome: Outcome<{ at: Date; value: number }[]>;
  if ("unreadable" in connection) {
    outcome = { ok: false, problem: { kind: "unauthorized", status: 0 } };
  } else {
    const timed = { ...connection, timeoutMs };
    // After a pause, the values at the missed times first (one interval apart), then the value now.
    const missed = missedRange(binding.lastSuccessAt, binding.intervalMinutes, now);
    const instant = await queryInstant(timed, binding.query, now);
    if (!instant.ok) outcome = instant;
    else if (!missed) outcome = { ok: true, value: [{ at: instant.value.at, value: instant.value.value }] };
    else {
      const range = await queryRange(timed, binding.query, { ...missed, end: new Date(now.getTime() - 1000) });
      const earlier = range.ok ? range.value.filter((p) => p.at < instant.value.at) : [];
      outcome = { ok: true, value: [...earlier, { at: instant.value.at, value: instant.value.value }] };
    }
  }
  if (!outcome.ok) return recordFailure(db, binding, now, outcome.problem, "unreadable" in connection);
  await db.insert(checkIns).values(
    outcome.value.map((p) => ({
      orgId: binding.orgId,
      metricId: binding.metricId,
      at: p.at,
      value: p.value,
      source: "prometheus" as const,
    })),
  );
  await rejudgeAfterWrite(db, binding.orgId, { metricIds: [binding.metricId] });
  await db
    .update(metricBindings)
    .set({
      lastSuccessAt: now,
      lastError: null,
      failures: 0,
      nextDueAt: new Date(now.getTime() + binding.intervalMinutes * 60_000),
    })
    .where(and(eq(metricBindings.orgId, binding.orgId), eq(metricBindings.id, binding.id)));
  return { bindingId: binding.id, ok: true, values: outcome.value.length };
}

async function recordFailure(db: Db, binding: Binding, now: Date, problem: PrometheusProblem, unreadable: boolean): Promise<PullResult> {
  const failures = binding.failures + 1;
  const error = unreadable
    ? "The data source's stored credentials cannot be read (AUTH_SECRET changed): an admin enters them again."
    : describeProblem(problem);
  await db
    .update(metricBindings)
    .set({ lastError: error, failures, nextDueAt: new Date(now.getTime() + backoffMinutes(binding.intervalMinutes, failures) * 60_000) })
    .where(and(eq(metricBindings.orgId, binding.orgId), eq(metricBindings.id, binding.id)));
  return { bindingId: binding.id, ok: false, values: 0, error };
}

export const DEFAULT_PULL_BATCH = 50;

/**
 * One claim of the scheduler: claim what is due (at most `batch`), pull it with
 * bounded concurrency, each query started at the pacer's next slot. The
 * lease (5 min) outlasts a batch at any sensible pace: 50 pulls at 1 a
 * second take 50 s.
 */
export async function pullDueMetrics(db: Db, now = new Date(), options: PullOptions = {}): Promise<PullResult[]> {
  const claimed = await claimDueBindings(db, now, options.batch ?? DEFAULT_PULL_BATCH, options.leaseMs ?? 5 * 60_000);
  const limit = new Semaphore(options.concurrency ?? 4, { maxWaitMs: 10 * 60_000, maxQueue: 1000 });
  return Promise.all(
    claimed.map((binding) =>
      limit.run(async () => {
        await options.pacer?.next();
        return pullBinding(db, binding, now, options.timeoutMs);
      }),
    ),
  );
}
