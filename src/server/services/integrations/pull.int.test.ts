/**
 * Binding metrics to PromQL and pulling them, against a real Prometheus with
 * known series (src/test/prometheus.ts): the preview and the backfill equal
 * the history written in, a scheduled pull equals the live value, two
 * schedulers on one database pull each due binding once, and a Prometheus
 * stopped mid-schedule gives the error in words, then the pull catches up.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIns, metricBindings, metrics } from "@/server/db/schema";
import { openDatabase } from "@/server/db/factory";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import { prometheusSkip, startTestPrometheus, type TestPrometheus } from "@/test/prometheus";
import { Pacer } from "@/lib/pacer";
import { pullDueMetrics } from "./pull";
import { runPullTick } from "./pull-scheduler";

const DAY = 86_400;
const database = useTestDatabase();
const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

describe.skipIf(prometheusSkip !== null)(`pulling metrics from a real Prometheus ${prometheusSkip ?? ""}`, () => {
  let prom: TestPrometheus;
  let user: TestUser;
  let sourceId: string;
  const today = Math.floor(Date.now() / 1000 / DAY) * DAY;
  // Ten days of history at midnight UTC, up to three days ago (older than the head block).
  const historyDays = Array.from({ length: 10 }, (_, i) => today - (12 - i) * DAY);

  beforeAll(async () => {
    prom = await startTestPrometheus({
      history: historyDays.map((atSeconds, i) => ({ metric: "pull_history", value: 100 + i, atSeconds })),
      live: [
        { metric: "pull_live", labels: { service: "checkout" }, value: 41.5 },
        // The history's series goes on live, as a real one would.
        { metric: "pull_history", value: 200 },
        { metric: "pull_two", labels: { zone: "eu" }, value: 1 },
        { metric: "pull_two", labels: { zone: "us" }, value: 2 },
      ],
    });
    await prom.waitForScrape();
    user = await createUser(database.current.db);
    sourceId = (await user.caller.integrations.createDataSource({ name: "Local", baseUrl: prom.url, authKind: "none" })).id;
  }, 90_000);
  afterAll(async () => prom?.dispose());

  async function numberMetric(startSeconds: number) {
    const person = await user.caller.people.create({ name: "Owner", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    const target = await user.caller.targets.create({
      title: "Checkout latency",
      kind: "speed",
      ownerIds: [person.id],
      startDate: isoDay(startSeconds),
      dueDate: isoDay(today + 60 * DAY),
    });
    return user.caller.targets.addMetric({ targetId: target.id, name: "p99", unit: "ms", direction: "lower", baseline: 200, goal: 100 });
  }

  const pulled = (metricId: string) =>
    database.current.db
      .select({ at: checkIns.at, value: checkIns.value })
      .from(checkIns)
      .where(and(eq(checkIns.metricId, metricId), eq(checkIns.source, "prometheus")))
      .orderBy(checkIns.at);

  const latestOf = async (metricId: string) => {
    const [row] = await database.current.db
      .select({ value: metrics.latestValue, at: metrics.latestAt })
      .from(metrics)
      .where(eq(metrics.id, metricId));
    return row;
  };

  it("previews the value now and the daily history", async () => {
    const metric = await numberMetric(historyDays[0]!);
    const preview = await user.caller.integrations.previewQuery({ metricId: metric.id, dataSourceId: sourceId, query: "pull_live" });
    expect(preview).toMatchObject({ ok: true, value: 41.5 });
    const history = await user.caller.integrations.previewQuery({ metricId: metric.id, dataSourceId: sourceId, query: "pull_history" });
    expect(history.ok && history.points.map((p) => p.value)).toEqual(historyDays.map((_, i) => 100 + i));
  });

  it("says in words why a query cannot be bound or pulled", async () => {
    const metric = await numberMetric(historyDays[0]!);
    expect(await user.caller.integrations.previewQuery({ metricId: metric.id, dataSourceId: sourceId, query: "pull_two" })).toEqual({
      ok: false,
      field: "query",
      message: 'The query returned 2 series that differ in "zone"; aggregate it to one (for example with sum or avg).',
    });
    await expect(user.caller.integrations.bindMetric({ metricId: metric.id, dataSourceId: sourceId, query: "sum(" })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
        message: expect.stringMatching(/^Prometheus answered bad_data: /),
      },
    );
  });

  it("backfills one value per day from the target's start, then pulls the live value on schedule; unbinding keeps them", async () => {
    const metric = await numberMetric(historyDays[4]!);
    const bound = await user.caller.integrations.bindMetric({ metricId: metric.id, dataSourceId: sourceId, query: "pull_history" });
    expect(bound.backfilled).toBe(6);
    expect((await pulled(metric.id)).map((c) => c.value)).toEqual([104, 105, 106, 107, 108, 109]);
    expect((await pulled(metric.id)).map((c) => c.at.getTime() / 1000)).toEqual(historyDays.slice(4));
    // The metric's own row keeps the latest (migration 0027's triggers), for the lists and trees.
    expect(await latestOf(metric.id)).toEqual({ value: 109, at: new Date(historyDays[9]! * 1000) });

    // Rebind to the live series and let the schedule pull it.
    await user.caller.integrations.bindMetric({ metricId: metric.id, dataSourceId: sourceId, query: "pull_live", intervalMinutes: 15 });
    const results = await pullDueMetrics(database.current.db, new Date());
    expect(results.find((r) => r.ok && r.values === 1)).toBeTruthy();
    expect((await pulled(metric.id)).at(-1)?.value).toBe(41.5);
    expect((await latestOf(metric.id))?.value).toBe(41.5);
    const binding = await user.caller.integrations.binding({ metricId: metric.id });
    expect(binding).toMatchObject({ lastError: null, stale: false, intervalMinutes: 15 });
    expect(binding!.nextDueAt.getTime() - binding!.lastSuccessAt!.getTime()).toBe(15 * 60_000);
    // Not due again yet: another run pulls nothing for it.
    expect((await pullDueMetrics(database.current.db, new Date())).some((r) => r.bindingId === results[0]!.bindingId)).toBe(false);

    await user.caller.integrations.unbindMetric({ metricId: metric.id });
    expect(await user.caller.integrations.binding({ metricId: metric.id })).toBeNull();
    expect((await pulled(metric.id)).length).toBe(7);
  });

  it("two schedulers on one database pull each due binding once", async () => {
    const metricIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const metric = await numberMetric(today);
      metricIds.push(metric.id);
      await database.current.db
        .insert(metricBindings)
        .values({ orgId: user.actor.orgId, metricId: metric.id, dataSourceId: sourceId, query: "pull_live" });
    }
    // On PostgreSQL the second scheduler has its own connections, as another instance would.
    const url = database.current.url;
    const other = url ? await openDatabase({ url, maxConnections: 5 }) : null;
    try {
      const now = new Date();
      const [a, b] = await Promise.all([
        pullDueMetrics(database.current.db, now, { batch: 3 }),
        pullDueMetrics(other?.db ?? database.current.db, now, { batch: 3 }),
      ]);
      const [c] = await Promise.all([pullDueMetrics(database.current.db, now), pullDueMetrics(other?.db ?? database.current.db, now)]);
      const ids = [...a, ...b, ...c].map((r) => r.bindingId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of metricIds) expect((await pulled(id)).length, `metric ${id}`).toBe(1);
    } finally {
      await other?.close();
    }
  });

  it("a tick works through a backlog in full batches, every query started at the instance's pace", async () => {
    const metricIds: string[] = [];
    for (let i = 0; i < 7; i++) {
      const metric = await numberMetric(today);
      metricIds.push(metric.id);
      await database.current.db
        .insert(metricBindings)
        .values({ orgId: user.actor.orgId, metricId: metric.id, dataSourceId: sourceId, query: "pull_live" });
    }
    const started = performance.now();
    // 20 a second: the seven queries start 50 ms apart, so the last one no sooner than 300 ms in.
    const run = await runPullTick(database.current.db, { batch: 3, everyMs: 60_000, pacer: new Pacer(20) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    // Three claims come back full or short: 3, 3, then 1 (a short claim ends the tick).
    expect(run).toEqual({ claims: 3, pulls: 7 });
    for (const id of metricIds) expect((await pulled(id)).length, `metric ${id}`).toBe(1);
    // Nothing is due any more: the next tick claims once and pulls nothing.
    expect(await runPullTick(database.current.db, { batch: 3, everyMs: 60_000 })).toEqual({ claims: 1, pulls: 0 });

    // A stopped scheduler (an aborted signal) finishes the batch in hand and claims no more.
    for (let i = 0; i < 4; i++) {
      const metric = await numberMetric(today);
      await database.current.db
        .insert(metricBindings)
        .values({ orgId: user.actor.orgId, metricId: metric.id, dataSourceId: sourceId, query: "pull_live" });
    }
    const stopped = AbortSignal.abort();
    expect(await runPullTick(database.current.db, { batch: 2, everyMs: 60_000, signal: stopped })).toEqual({ claims: 1, pulls: 2 });
    expect(await runPullTick(database.current.db, { batch: 2, everyMs: 60_000 })).toEqual({ claims: 2, pulls: 2 });
  });

  it("a stopped Prometheus shows the error in words, the app keeps going, and the pull catches up once it is back", async () => {
    const metric = await numberMetric(today);
    const [binding] = await database.current.db
      .insert(metricBindings)
      .values({ orgId: user.actor.orgId, metricId: metric.id, dataSourceId: sourceId, query: "pull_live", intervalMinutes: 15 })
      .returning();
    const only = (results: { bindingId: string }[]) => results.filter((r) => r.bindingId === binding!.id);
    expect(only(await pullDueMetrics(database.current.db, new Date()))).toMatchObject([{ ok: true }]);

    await prom.stop();
    try {
      // Due again (as if the interval passed): the pull fails in words and backs off.
      await database.current.db.update(metricBindings).set({ nextDueAt: new Date() }).where(eq(metricBindings.id, binding!.id));
      expect(only(await pullDueMetrics(database.current.db, new Date()))).toEqual([
        { bindingId: binding!.id, ok: false, values: 0, error: "Prometheus could not be reached: connection refused." },
      ]);
      const failed = await user.caller.integrations.binding({ metricId: metric.id });
      expect(failed).toMatchObject({ lastError: "Prometheus could not be reached: connection refused." });
      // The app keeps serving meanwhile.
      await expect(user.caller.targets.get({ id: metric.targetId })).resolves.toBeTruthy();
      // And Home says it, in the same words.
      expect((await user.caller.home.summary()).pulls).toContainEqual(
        expect.objectContaining({ metricId: metric.id, lastError: "Prometheus could not be reached: connection refused." }),
      );
    } finally {
      await prom.start();
    }
    prom.live[0]!.value = 43;
    await prom.waitForScrape();
    // The last success was 45 minutes ago: the pull fills in the missed interval and then the value now.
    await database.current.db
      .update(metricBindings)
      .set({ nextDueAt: new Date(), lastSuccessAt: new Date(Date.now() - 45 * 60_000) })
      .where(eq(metricBindings.id, binding!.id));
    const [caughtUp] = only(await pullDueMetrics(database.current.db, new Date()));
    expect(caughtUp).toMatchObject({ ok: true });
    expect((await pulled(metric.id)).at(-1)?.value).toBe(43);
    expect(await user.caller.integrations.binding({ metricId: metric.id })).toMatchObject({ lastError: null, stale: false });
    expect((await user.caller.home.summary()).pulls.map((p) => p.metricId)).not.toContain(metric.id);
  }, 90_000);
});
