/**
 * An OpenSLO target measured by a real Prometheus (src/test/prometheus.ts):
 * importing with a data source binds the metric to the SLI's derived PromQL,
 * and the SLO's error ratios (window, 1 h, 6 h) are asked of Prometheus for
 * the error budget and burn rates. Without a binding the SLO says so; with
 * Prometheus stopped it names the failure; a foreign data source is
 * NOT_FOUND and nothing is made.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIns, metrics, targets } from "@/server/db/schema";
import { burnRate, errorBudgetRemaining } from "@/lib/slo/budget";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import { prometheusSkip, startTestPrometheus, type TestPrometheus } from "@/test/prometheus";

const database = useTestDatabase();

/** p99 latency held at or under 300 ms for 99% of the time; the live gauge says 0.5 s, so every sample is bad. */
const LATENCY_SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-latency
  displayName: Checkout p99 latency
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-p99
    spec:
      thresholdMetric:
        metricSource:
          type: Prometheus
          spec:
            query: slo_latency_seconds{service="checkout"}
  timeWindow:
    - duration: 7d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: p99 under 300 ms
      op: lte
      value: 0.3
      target: 0.99
`;

describe.skipIf(prometheusSkip !== null)(`an SLO measured by a real Prometheus ${prometheusSkip ?? ""}`, () => {
  let prom: TestPrometheus;
  let user: TestUser;
  let ownerId: string;
  let sourceId: string;

  beforeAll(async () => {
    prom = await startTestPrometheus({ live: [{ metric: "slo_latency_seconds", labels: { service: "checkout" }, value: 0.5 }] });
    await prom.waitForScrape();
    user = await createUser(database.current.db);
    ownerId = (await user.caller.people.create({ name: "Sam SRE", track: "ic", level: "staff", managerId: null, cadence: "weekly" })).id;
    sourceId = (await user.caller.integrations.createDataSource({ name: "Local", baseUrl: prom.url, authKind: "none" })).id;
  }, 90_000);
  afterAll(async () => prom?.dispose());

  const today = new Date().toISOString().slice(0, 10);
  const placement = () => ({ ownerIds: [ownerId], startDate: today, dueDate: "2027-12-31" });

  it("binds the new metric to the SLI's query and measures the error budget and burn rates", async () => {
    const target = await user.caller.targets.importOpenSlo({ yaml: LATENCY_SLO, ...placement(), dataSourceId: sourceId });
    expect(target.bindProblem).toBeNull();
    const [metric] = await database.current.db.select().from(metrics).where(eq(metrics.targetId, target.id));
    const binding = await user.caller.integrations.binding({ metricId: metric!.id });
    expect(binding).toMatchObject({ dataSourceId: sourceId, query: 'slo_latency_seconds{service="checkout"}', intervalMinutes: 60 });

    const measured = await user.caller.targets.measureSlo({ targetId: target.id });
    expect(measured).toMatchObject({ state: "measured", dataSourceName: "Local", problem: null });
    if (measured.state !== "measured") throw new Error("not measured");
    // Every sample is past the threshold: the error ratio is 1 in each range, so 100× the 1% budget.
    expect(measured.ratios).toEqual({ window: 1, "1h": 1, "6h": 1 });
    expect(burnRate(measured.ratios["1h"], 0.99)).toBeCloseTo(100);
    expect(errorBudgetRemaining(measured.ratios.window, 0.99)).toBeCloseTo(-99);

    // A pull now stores the live value as a check-in from Prometheus.
    await user.caller.integrations.pullNow({ metricId: metric!.id });
    const values = await database.current.db
      .select({ value: checkIns.value })
      .from(checkIns)
      .where(and(eq(checkIns.metricId, metric!.id), eq(checkIns.source, "prometheus")));
    expect(values.at(-1)?.value).toBe(0.5);
  });

  it("without a data source the SLO is unbound, and says so", async () => {
    const target = await user.caller.targets.importOpenSlo({ yaml: LATENCY_SLO, ...placement() });
    expect(await user.caller.targets.measureSlo({ targetId: target.id })).toEqual({ state: "unbound" });
  });

  it("a data source of another organisation is NOT_FOUND, and no target is made", async () => {
    const other = await createUser(database.current.db);
    const foreign = await other.caller.integrations.createDataSource({ name: "Theirs", baseUrl: prom.url, authKind: "none" });
    const before = await database.current.db.select({ id: targets.id }).from(targets).where(eq(targets.orgId, user.actor.orgId));
    await expect(user.caller.targets.importOpenSlo({ yaml: LATENCY_SLO, ...placement(), dataSourceId: foreign.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const after = await database.current.db.select({ id: targets.id }).from(targets).where(eq(targets.orgId, user.actor.orgId));
    expect(after.length).toBe(before.length);
    // And another organisation's member does not read this one's measurement.
    const mine = await user.caller.targets.importOpenSlo({ yaml: LATENCY_SLO, ...placement(), dataSourceId: sourceId });
    await expect(other.caller.targets.measureSlo({ targetId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("with Prometheus stopped the measurement names the failure instead of figures", async () => {
    const target = await user.caller.targets.importOpenSlo({ yaml: LATENCY_SLO, ...placement(), dataSourceId: sourceId });
    await prom.stop();
    try {
      const measured = await user.caller.targets.measureSlo({ targetId: target.id });
      expect(measured).toMatchObject({ state: "measured", ratios: { window: null, "1h": null, "6h": null } });
      expect(measured.state === "measured" && measured.problem).toMatch(/refused|unreachable|reach/i);
    } finally {
      await prom.start();
    }
  });
});
