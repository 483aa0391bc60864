/**
 * Pull benchmark (issue #19): do 500 metrics bound to Prometheus, pulled on
 * schedule, slow the targets page? The page's two requests (targets.list and
 * targets.get of a target with bound metrics) are timed in rounds that
 * alternate between pulls off and pulls on, in one run on one database.
 * With pulls on, every binding is made due again at the round's start and the
 * app's own scheduler tick (runPullTick with the app's defaults: batches of
 * 50, 4 queries at a time, at most METRIC_PULL_RATE = 10 started a second)
 * works through them from a private Prometheus while the page is read: the
 * worst case of a catch-up after a restart, not the hourly trickle. A third
 * phase runs the same tick unpaced (as fast as the 4 slots allow), to show
 * what the pace buys. Goal: p99 with (paced) pulls within 1.2× of p99 without.
 *
 *   npm run bench:pulls                                  # embedded PGlite
 *   TEST_DATABASE_URL=postgres://… npm run bench:pulls   # a PostgreSQL server
 *
 * Needs Debian's prometheus (/usr/bin/prometheus). Prints a table; copy the
 * figures into bench/RESULTS.md with the date and the machine.
 */
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { checkIns, metricBindings } from "../src/server/db/schema/index";
import { Pacer } from "../src/lib/pacer";
import { pullSettingsFromEnv, runPullTick } from "../src/server/services/integrations/pull-scheduler";
import { createTestDatabase } from "../src/test/database";
import { createUser } from "../src/test/factories";
import { prometheusSkip, startTestPrometheus } from "../src/test/prometheus";
import { median } from "./support/median";

const METRICS = Number(process.env.BENCH_METRICS ?? 500);
const PER_TARGET = 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
/** Page loads per round and phase. */
const LOADS = Number(process.env.BENCH_LOADS ?? 60);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function main() {
  if (prometheusSkip) throw new Error(prometheusSkip);
  const prom = await startTestPrometheus({
    live: Array.from({ length: METRICS }, (_, i) => ({ metric: "bench_value", labels: { i: String(i) }, value: 100 + i })),
  });
  await prom.waitForScrape();
  const database = await createTestDatabase();
  const { db } = database;
  try {
    const user = await createUser(db);
    const owner = await user.caller.people.create({ name: "Owner", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    const source = await user.caller.integrations.createDataSource({ name: "Bench", baseUrl: prom.url, authKind: "none" });
    const today = new Date().toISOString().slice(0, 10);
    let pageTarget = "";
    for (let t = 0; t < METRICS / PER_TARGET; t++) {
      const target = await user.caller.targets.create({
        title: `Service ${t} latency`,
        kind: "speed",
        ownerIds: [owner.id],
        startDate: today,
        dueDate: "2027-12-31",
      });
      pageTarget ||= target.id;
      for (let m = 0; m < PER_TARGET; m++) {
        const metric = await user.caller.targets.addMetric({
          targetId: target.id,
          name: `p99 ${m}`,
          unit: "ms",
          direction: "lower",
          baseline: 200,
          goal: 100,
        });
        const i = t * PER_TARGET + m;
        await db
          .insert(metricBindings)
          .values({ orgId: user.actor.orgId, metricId: metric.id, dataSourceId: source.id, query: `bench_value{i="${i}"}` });
      }
    }
    const page = async () => {
      const t = performance.now();
      await Promise.all([user.caller.targets.list({ status: "active" }), user.caller.targets.get({ id: pageTarget })]);
      return performance.now() - t;
    };
    for (let i = 0; i < 10; i++) await page(); // warm-up

    const settings = pullSettingsFromEnv();
    const pulledSoFar = () => db.$count(checkIns, eq(checkIns.source, "prometheus"));
    const phases = ["off", "paced", "unpaced"] as const;
    type Phase = (typeof phases)[number];
    const times: Record<Phase, number[]> = { off: [], paced: [], unpaced: [] };
    const pulled: Record<Phase, number> = { off: 0, paced: 0, unpaced: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      // The order rotates each round, so no phase always follows another.
      for (const phase of phases.map((_, i) => phases[(i + round) % phases.length]!)) {
        if (phase === "off") {
          for (let i = 0; i < LOADS; i++) times.off.push(await page());
          continue;
        }
        // Every binding due now: the scheduler works through them while the page is read.
        await db.update(metricBindings).set({ nextDueAt: new Date() }).where(eq(metricBindings.orgId, user.actor.orgId));
        const stop = new AbortController();
        const options = { ...settings, signal: stop.signal, pacer: phase === "paced" ? new Pacer(settings.perSecond) : undefined };
        const scheduler = (async () => {
          while (!stop.signal.aborted) {
            const run = await runPullTick(db, options);
            if (run.pulls === 0) await new Promise((r) => setTimeout(r, 20));
          }
        })();
        const before = await pulledSoFar();
        for (let i = 0; i < LOADS; i++) times[phase].push(await page());
        // The values written while the page was read; the batch in hand is finished after, untimed.
        pulled[phase] += (await pulledSoFar()) - before;
        stop.abort();
        await scheduler;
      }
    }
    const row = (name: string, phase: Phase) =>
      `| ${name} | ${pulled[phase]} | ${times[phase].length} | ${median(times[phase]).toFixed(1)} | ${percentile(times[phase], 99).toFixed(1)} | ${(percentile(times[phase], 99) / percentile(times.off, 99)).toFixed(2)} |`;
    console.log(`${METRICS} bound metrics, ${database.url ? "PostgreSQL" : "PGlite"}, pace ${settings.perSecond} a second`);
    console.log("| targets page (list + one target) | pulls meanwhile | loads | p50 ms | p99 ms | p99 ÷ off |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    console.log(row("pulls off", "off"));
    console.log(row(`pulls paced (${settings.perSecond}/s, the app's default)`, "paced"));
    console.log(row("pulls unpaced (4 at a time, no pace)", "unpaced"));
    const ratio = percentile(times.paced, 99) / percentile(times.off, 99);
    console.log(`p99 paced ÷ off: ${ratio.toFixed(2)} (goal ≤ 1.20: ${ratio <= 1.2 ? "meets" : "misses"})`);
  } finally {
    await database.close();
    await prom.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
