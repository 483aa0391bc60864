import { and, eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkIns, metrics, targets } from "@/server/db/schema/index";
import type { Db } from "@/server/db/types";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import { withStatuses, type Latest } from "@/lib/targets/summary";
import type { MetricShape } from "@/lib/targets/status";
import { userToday } from "../kernel/clock";
import { refreshTargetHealth } from "./health.stored";
import { getTargetTree } from "./tree.read";

/**
 * A metric's latest check-in, kept on its row by the triggers of migration
 * 0027_metric_latest, is always the one the check-ins say (the greatest `at`,
 * equal times told apart by the greater id), whatever wrote them: generated
 * sequences of raw inserts, bulk inserts, edits and deletes (fast-check),
 * then each writer of the app. And the tree, which reads health and progress
 * from those rows, agrees with the pure definition (withStatuses) over all
 * the check-ins.
 */
const database = useTestDatabase();
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const BASE = Date.parse("2026-06-01T00:00:00Z");

type Row = { id: string; metricId: string; at: Date; value: number };

/** The definition: the check-in with the greatest `at`, then the greatest id (uuids compare as their lower-case hex). */
function latestFromCheckIns(rows: Row[]): Map<string, Latest> {
  const out = new Map<string, Latest & { id: string }>();
  for (const r of rows) {
    const best = out.get(r.metricId);
    if (!best || r.at.getTime() > best.at.getTime() || (r.at.getTime() === best.at.getTime() && r.id > best.id)) {
      out.set(r.metricId, { id: r.id, value: r.value, at: r.at });
    }
  }
  return new Map([...out].map(([k, { value, at }]) => [k, { value, at }]));
}

async function expectStoredLatest(db: Db, metricIds: string[]) {
  const rows = await db.select().from(checkIns).where(inArray(checkIns.metricId, metricIds));
  const expected = latestFromCheckIns(rows);
  const stored = await db
    .select({ id: metrics.id, value: metrics.latestValue, at: metrics.latestAt })
    .from(metrics)
    .where(inArray(metrics.id, metricIds));
  for (const m of stored) {
    const e = expected.get(m.id) ?? null;
    expect({ value: m.value, at: m.at?.getTime() ?? null }).toEqual({ value: e?.value ?? null, at: e?.at.getTime() ?? null });
  }
  return expected;
}

async function ownerOf(user: TestUser) {
  return user.caller.people.create({ name: "Owner", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
}

const op = fc.oneof(
  // Few distinct times, so that equal `at`s (the tie-break) come up.
  fc.record({ kind: fc.constant("insert" as const), metric: fc.nat(1), at: fc.nat(5), value: fc.integer({ min: -10, max: 120 }) }),
  fc.record({
    kind: fc.constant("bulk" as const),
    rows: fc.array(fc.record({ metric: fc.nat(1), at: fc.nat(5), value: fc.integer({ min: -10, max: 120 }) }), {
      minLength: 1,
      maxLength: 6,
    }),
  }),
  fc.record({
    kind: fc.constant("update" as const),
    pick: fc.nat(),
    at: fc.option(fc.nat(5)),
    value: fc.option(fc.integer({ min: -10, max: 120 })),
  }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("clear" as const), metric: fc.nat(1) }),
);

const shape: fc.Arbitrary<MetricShape> = fc.record({
  kind: fc.constant("number" as const),
  direction: fc.constantFrom("higher" as const, "lower" as const, "band" as const),
  baseline: fc.constantFrom(0, 100),
  goal: fc.constantFrom(0, 50, 100),
  bandLow: fc.constantFrom(null, 20),
  bandHigh: fc.constantFrom(null, 80),
  warning: fc.constantFrom(null, 10, 90),
  done: fc.constant(false),
});

describe("a metric's stored latest check-in", () => {
  it("agrees with the check-ins after any sequence of writes, and the tree with the pure definition", async () => {
    const db = database.current.db;
    const user = await createUser(db);
    const { orgId } = user.actor;
    const owner = await ownerOf(user);
    const now = new Date();
    const today = await userToday(db, user.actor, now);
    const timeline = { startDate: isoDay(new Date(now.getTime() - 40 * DAY)), dueDate: isoDay(new Date(now.getTime() + 40 * DAY)) };
    await fc.assert(
      fc.asyncProperty(fc.tuple(shape, shape), fc.array(op, { minLength: 1, maxLength: 12 }), fc.boolean(), async (shapes, ops, judge) => {
        const target = await user.caller.targets.create({ title: "Generated", kind: "speed", ownerIds: [owner.id], ...timeline });
        const ids: string[] = [];
        for (const [position, s] of shapes.entries()) {
          const [m] = await db
            .insert(metrics)
            .values({ orgId, targetId: target.id, name: `m${position}`, position, ...s })
            .returning();
          ids.push(m!.id);
        }
        const at = (k: number) => new Date(BASE + k * 60_000);
        for (const o of ops) {
          const existing = await db.select({ id: checkIns.id }).from(checkIns).where(inArray(checkIns.metricId, ids)).orderBy(checkIns.id);
          const picked = (n: number) => existing[n % Math.max(1, existing.length)]?.id;
          if (o.kind === "insert") await db.insert(checkIns).values({ orgId, metricId: ids[o.metric]!, at: at(o.at), value: o.value });
          else if (o.kind === "bulk")
            await db.insert(checkIns).values(o.rows.map((r) => ({ orgId, metricId: ids[r.metric]!, at: at(r.at), value: r.value })));
          else if (o.kind === "update" && picked(o.pick))
            await db
              .update(checkIns)
              .set({ ...(o.at === null ? {} : { at: at(o.at) }), ...(o.value === null ? {} : { value: o.value }), note: "edited" })
              .where(eq(checkIns.id, picked(o.pick)!));
          else if (o.kind === "delete" && picked(o.pick)) await db.delete(checkIns).where(eq(checkIns.id, picked(o.pick)!));
          else if (o.kind === "clear")
            await db.delete(checkIns).where(and(eq(checkIns.orgId, orgId), eq(checkIns.metricId, ids[o.metric]!)));
          await expectStoredLatest(db, ids);
        }
        const expected = await expectStoredLatest(db, ids);
        // Stored health (judged by the writers' re-judgement) or live (unknown since the raw writes): both read the rows.
        if (judge) await refreshTargetHealth(db, orgId, [target.id], now);
        const { tree } = await getTargetTree(db, user.actor, target.id, now);
        const definition = withStatuses(
          { ...timeline, status: "active" },
          shapes.map((s, i) => ({ ...s, id: ids[i]! })),
          expected,
          now,
          today,
        );
        expect({ health: tree.health, progress: tree.progress }).toEqual({ health: definition.health, progress: definition.progress });
      }),
      { numRuns: 40 },
    );
  }, 180_000);

  it("is kept by every writer: a check-in, a paste, an edit, a delete and its undo, a metric's check-ins deleted, an import", async () => {
    const db = database.current.db;
    const user = await createUser(db);
    const owner = await ownerOf(user);
    const now = Date.now();
    const target = await user.caller.targets.create({
      title: "Checkout p99",
      kind: "speed",
      ownerIds: [owner.id],
      startDate: isoDay(new Date(now - 50 * DAY)),
      dueDate: isoDay(new Date(now + 49 * DAY)),
    });
    const metric = await user.caller.targets.addMetric({
      targetId: target.id,
      name: "p99",
      unit: "ms",
      direction: "lower",
      baseline: 500,
      goal: 300,
    });
    const stored = async (metricId = metric.id) => {
      const [row] = await db.select({ value: metrics.latestValue, at: metrics.latestAt }).from(metrics).where(eq(metrics.id, metricId));
      return row!.value;
    };
    const treeProgress = async () => (await user.caller.targets.tree({ id: target.id })).tree.progress;
    expect(await stored()).toBeNull();

    const first = await user.caller.targets.addCheckIn({ metricId: metric.id, value: 450, at: new Date(now - 2 * DAY) });
    expect(await stored()).toBe(450);
    expect(await treeProgress()).toBeCloseTo(0.25);
    // An older one changes nothing; a newer one wins.
    await user.caller.targets.addCheckIns({
      metricId: metric.id,
      text: `${isoDay(new Date(now - 10 * DAY))},480\n${isoDay(new Date(now - DAY))},400`,
    });
    expect(await stored()).toBe(400);
    expect(await treeProgress()).toBeCloseTo(0.5);
    const [newest] = await db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.metricId, metric.id), eq(checkIns.value, 400)));
    await user.caller.targets.updateCheckIn({ id: newest!.id, version: newest!.version, at: newest!.at, value: 350 });
    expect(await stored()).toBe(350);
    // Moved back in time: the one from two days ago is the latest again.
    const [edited] = await db.select().from(checkIns).where(eq(checkIns.id, newest!.id));
    await user.caller.targets.updateCheckIn({
      id: edited!.id,
      version: edited!.version,
      value: edited!.value,
      at: new Date(now - 20 * DAY),
    });
    expect(await stored()).toBe(450);
    // Deleted, then undone (the same check-in added back, as the page's undo does).
    await user.caller.targets.deleteCheckIn({ id: first.id });
    expect(await stored()).toBe(480);
    await user.caller.targets.addCheckIn({ metricId: metric.id, value: first.value, at: first.at, note: first.note ?? undefined });
    expect(await stored()).toBe(450);
    // An edit of the metric itself keeps it (only the check-ins' triggers write it).
    await user.caller.targets.updateMetric({
      id: metric.id,
      version: metric.version,
      name: "p99 latency",
      unit: "ms",
      direction: "lower",
      baseline: 500,
      goal: 300,
    });
    expect(await stored()).toBe(450);
    await db.execute(sql`update ${metrics} set latest_value = 1 where ${metrics.id} = ${metric.id}`);
    expect(await stored()).toBe(450);

    // The import: the file has no latest (derived), the import's check-ins set it again.
    const file = await user.caller.account.export({ includePrivate: false });
    expect(file.tables.metrics![0]).not.toHaveProperty("latestValue");
    const fresh = await createUser(db, { name: "Fresh" });
    await fresh.caller.account.import({ file: JSON.parse(JSON.stringify(file)) });
    const [imported] = await db.select().from(metrics).where(eq(metrics.orgId, fresh.actor.orgId));
    expect(imported!.latestValue).toBe(450);
    expect(imported!.latestAt?.getTime()).toBe(first.at.getTime());

    // Every check-in of the metric deleted: no latest, no progress.
    await db.delete(checkIns).where(and(eq(checkIns.orgId, user.actor.orgId), eq(checkIns.metricId, metric.id)));
    expect(await stored()).toBeNull();
    expect(await treeProgress()).toBe(0);
    const [row] = await db.select({ rank: targets.healthRank }).from(targets).where(eq(targets.id, target.id));
    expect(row!.rank).toBeNull();
  });
});
