import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkIns, metrics, targets } from "@/server/db/schema/index";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import { owner, targetAt } from "@/test/target-fixtures";
import { listTargetsPage } from "./targets.read";
import { refreshTargetHealth, refreshStaleTargetHealth } from "./health.stored";
import { runHealthSweep } from "./health-sweep";
import { healthOfRank } from "./health.sql";

/**
 * The stored health (health.stored.ts, migration 0026): a write of any kind
 * makes it unknown (the triggers), the writers and the sweep judge it again,
 * and the list reads the same whether a row's rank is stored or judged live.
 */
const database = useTestDatabase();
const DAY = 86_400_000;
const HOUR = 3_600_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function stored(id: string) {
  const [row] = await database.current.db
    .select({ rank: targets.healthRank, until: targets.healthValidUntil, version: targets.healthVersion })
    .from(targets)
    .where(eq(targets.id, id));
  return row!;
}

/** The list as the actor reads it at `now`: title and health, in order. */
async function listed(user: TestUser, now = new Date()) {
  const page = await listTargetsPage(database.current.db, user.actor, { limit: 100 }, now);
  return page.items.map((t) => `${t.title}: ${t.health}`);
}

/** The same list with every stored rank forgotten: all judged live. */
async function listedLive(user: TestUser, now = new Date()) {
  await database.current.db.execute(sql`update targets set health_rank = null, health_valid_until = '-infinity', health_judged_at = null`);
  return listed(user, now);
}

describe("the stored health", () => {
  it("is judged by the writers, and any other write makes it unknown (the triggers)", async () => {
    const user = await createUser(database.current.db);
    const person = await owner(user);
    const { target, metric } = await targetAt(user, person.id, "Risky", 3);
    // Judged by the check-in's service: at risk (30% done, half the time gone), until the pace line moves.
    let row = await stored(target.id);
    expect(healthOfRank(row.rank!)).toBe("at_risk");
    expect(Date.parse(row.until)).toBeGreaterThan(Date.now());

    const db = database.current.db;
    const writes = [
      () => db.insert(checkIns).values({ orgId: user.actor.orgId, metricId: metric.id, at: new Date(), value: 9 }),
      () => db.update(checkIns).set({ value: 1 }).where(eq(checkIns.metricId, metric.id)),
      () => db.delete(checkIns).where(eq(checkIns.metricId, metric.id)),
      () => db.update(metrics).set({ goal: 20 }).where(eq(metrics.id, metric.id)),
      () =>
        db.insert(metrics).values({ orgId: user.actor.orgId, targetId: target.id, name: "m2", direction: "higher", baseline: 0, goal: 1 }),
      () => db.delete(metrics).where(eq(metrics.name, "m2")),
      () =>
        db
          .update(targets)
          .set({ dueDate: isoDay(new Date(Date.now() + 10 * DAY)) })
          .where(eq(targets.id, target.id)),
      () => db.update(targets).set({ status: "draft" }).where(eq(targets.id, target.id)),
    ];
    for (const write of writes) {
      await refreshTargetHealth(db, user.actor.orgId, [target.id]);
      const before = await stored(target.id);
      expect(before.rank).not.toBeNull();
      await write();
      row = await stored(target.id);
      expect(row).toMatchObject({ rank: null, until: "-infinity" });
      expect(row.version).toBeGreaterThan(before.version);
    }
    // A write to something else (the title) leaves it as it is.
    await refreshTargetHealth(db, user.actor.orgId, [target.id]);
    const before = await stored(target.id);
    await db.update(targets).set({ title: "Renamed" }).where(eq(targets.id, target.id));
    expect(await stored(target.id)).toEqual(before);
  });

  it("a check-in and an edit change what the list shows, stored and live alike", async () => {
    const user = await createUser(database.current.db);
    const person = await owner(user);
    const a = await targetAt(user, person.id, "A", 6);
    await targetAt(user, person.id, "B", 3);
    await targetAt(user, person.id, "C", null);
    expect(await listed(user)).toEqual(["B: at_risk", "C: no_data", "A: on_track"]);
    // A slips: off track, first.
    await user.caller.targets.addCheckIn({ metricId: a.metric.id, value: 1 });
    expect((await stored(a.target.id)).rank).not.toBeNull();
    expect(await listed(user)).toEqual(["A: off_track", "B: at_risk", "C: no_data"]);
    // Its goal moved within reach: achieved, last.
    const metric = (await user.caller.targets.get({ id: a.target.id })).metrics[0]!;
    await user.caller.targets.updateMetric({
      id: metric.id,
      version: metric.version,
      name: "m",
      direction: "higher",
      baseline: 0,
      goal: 1,
    });
    const afterEdit = await listed(user);
    expect(afterEdit).toEqual(["B: at_risk", "C: no_data", "A: achieved"]);
    expect(await listedLive(user)).toEqual(afterEdit);
  });

  it("time passing moves a target across the pace line: live once expired, stored again after the sweep", async () => {
    const user = await createUser(database.current.db);
    const person = await owner(user);
    // 45% done with half the time gone: on track until 55% has gone (day 55 of 100).
    const { target } = await targetAt(user, person.id, "Close", 4.5);
    const row = await stored(target.id);
    expect(healthOfRank(row.rank!)).toBe("on_track");
    const until = Date.parse(row.until);
    expect(until).toBeGreaterThan(Date.now() + 3 * DAY);
    expect(until).toBeLessThan(Date.now() + 6 * DAY);
    expect(await listed(user, new Date(until - 1000))).toEqual(["Close: on_track"]);
    const later = new Date(until + DAY);
    expect(await listed(user, later)).toEqual(["Close: at_risk"]);
    // The sweep at that moment stores the new rank; the list reads the same.
    expect(await runHealthSweep(database.current.db, {}, () => later)).toBeGreaterThan(0);
    expect(healthOfRank((await stored(target.id)).rank!)).toBe("at_risk");
    expect(await listed(user, later)).toEqual(["Close: at_risk"]);
    // Read at a moment before it was judged: live, the stored rank is not taken for it.
    expect(await listed(user)).toEqual(["Close: on_track"]);
  });

  it("around the due day's end it is judged live, each actor on their own day", async () => {
    const user = await createUser(database.current.db);
    const person = await owner(user);
    // Due on a day that has ended in UTC+14 and not in UTC−12, whatever the time of day the test runs at.
    const now = Date.now();
    const target = await user.caller.targets.create({
      title: "Due about now",
      kind: "speed",
      ownerIds: [person.id],
      startDate: isoDay(new Date(now - 100 * DAY)),
      dueDate: isoDay(new Date(now - 11 * HOUR)),
    });
    const metric = await user.caller.targets.addMetric({ targetId: target.id, name: "m", direction: "higher", baseline: 0, goal: 10 });
    await user.caller.targets.addCheckIn({ metricId: metric.id, value: 9.5 });
    const row = await stored(target.id);
    expect(row.rank).toBeNull();
    expect(Date.parse(row.until)).toBeGreaterThan(Date.now());
    // Not picked by the sweep again before the window ends.
    expect(await refreshStaleTargetHealth(database.current.db, { orgId: user.actor.orgId })).toBe(0);
    const healthIn = async (timeZone: string) =>
      (await listTargetsPage(database.current.db, { ...user.actor, timeZone }, { limit: 10 })).items.map((t) => t.health);
    expect(await healthIn("Pacific/Kiritimati")).toEqual(["off_track"]);
    expect(await healthIn("Etc/GMT+12")).toEqual(["on_track"]);
  });

  it("the sweep works through what is unknown in batches, and stops when a batch comes back short", async () => {
    const user = await createUser(database.current.db);
    const person = await owner(user);
    for (let i = 0; i < 5; i++) await targetAt(user, person.id, `T${i}`, i * 2);
    const expected = await listed(user);
    await database.current.db.execute(
      sql`update targets set health_rank = null, health_valid_until = '-infinity', health_judged_at = null where org_id = ${user.actor.orgId}`,
    );
    expect(await runHealthSweep(database.current.db, { batch: 2 })).toBeGreaterThanOrEqual(5);
    const rows = await database.current.db.select({ rank: targets.healthRank }).from(targets).where(eq(targets.orgId, user.actor.orgId));
    expect(rows.every((r) => r.rank !== null)).toBe(true);
    expect(await runHealthSweep(database.current.db, { batch: 2 })).toBe(0);
    expect(await listed(user)).toEqual(expected);
  });
});
