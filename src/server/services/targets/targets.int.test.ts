import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkIns } from "@/server/db/schema/index";
import { pushCheckIn } from "@/server/api/rest/push-check-in";
import { CHART_POINTS, TARGETS_PAGE } from "./targets.read";
import { listStatusUpdates } from "./pair.read";
import { saveStatusUpdate } from "./pair.write";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";

const database = useTestDatabase();
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function pair(user: TestUser) {
  const em = await user.caller.people.create({ name: "Em", track: "manager", level: "em", managerId: null, cadence: "weekly" });
  const staff = await user.caller.people.create({ name: "Staff", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
  const area = await user.caller.areas.create({ name: `Area ${Math.random()}`, emPersonId: em.id, icPersonId: staff.id });
  return { em, staff, area };
}

/** A target running from 50 days ago to 50 days ahead, so half the time has passed. */
async function halfwayTarget(user: TestUser, ownerIds: string[], extra: Record<string, unknown> = {}) {
  const now = Date.now();
  return user.caller.targets.create({
    title: "Checkout reliability",
    kind: "reliability",
    ownerIds,
    startDate: isoDay(new Date(now - 50 * DAY)),
    dueDate: isoDay(new Date(now + 49 * DAY)),
    ...extra,
  });
}

describe("targets", () => {
  it("a pair's target with two metrics: check-ins move status from off track to on track to achieved", async () => {
    const user = await createUser(database.current.db);
    const { em, staff, area } = await pair(user);
    const target = await halfwayTarget(user, [em.id, staff.id], { areaId: area.id, description: "**Why**: peak season" });
    const uptime = await user.caller.targets.addMetric({
      targetId: target.id,
      name: "Uptime",
      unit: "%",
      direction: "higher",
      baseline: 99,
      goal: 99.9,
    });
    const p99 = await user.caller.targets.addMetric({
      targetId: target.id,
      name: "P99",
      unit: "ms",
      direction: "lower",
      baseline: 800,
      goal: 300,
    });

    let detail = await user.caller.targets.get({ id: target.id });
    expect(detail.owners.map((o) => o.name)).toEqual(["Em", "Staff"]);
    expect(detail.areaName).toBe(area.name);
    expect(detail.health).toBe("no_data"); // half the time gone, no check-in yet: no data yet, not on (or off) track

    await user.caller.targets.addCheckIn({ metricId: uptime.id, value: 99.5, note: "after failover work" });
    await user.caller.targets.addCheckIn({ metricId: p99.id, value: 520 });
    detail = await user.caller.targets.get({ id: target.id });
    expect(detail.metrics.map((m) => m.status.health)).toEqual(["on_track", "on_track"]);
    expect(detail.metrics[0]!.latest?.value).toBe(99.5);
    expect(detail.metrics[0]!.recent[0]!.note).toBe("after failover work");

    await user.caller.targets.addCheckIn({ metricId: p99.id, value: 700 });
    detail = await user.caller.targets.get({ id: target.id });
    expect(detail.health).toBe("off_track");

    await user.caller.targets.addCheckIn({ metricId: uptime.id, value: 99.95 });
    await user.caller.targets.addCheckIn({ metricId: p99.id, value: 280 });
    detail = await user.caller.targets.get({ id: target.id });
    expect(detail.health).toBe("achieved");
    expect(detail.progress).toBe(1);
  });

  it("lists trouble first and filters by status, kind, owner and area", async () => {
    const user = await createUser(database.current.db);
    const { em, staff, area } = await pair(user);
    const fine = await halfwayTarget(user, [em.id], { title: "Fine" });
    const bad = await halfwayTarget(user, [staff.id], { title: "Bad", kind: "speed", areaId: area.id });
    const m1 = await user.caller.targets.addMetric({ targetId: fine.id, name: "m", direction: "higher", baseline: 0, goal: 10 });
    const m2 = await user.caller.targets.addMetric({ targetId: bad.id, name: "m", direction: "higher", baseline: 0, goal: 10 });
    await user.caller.targets.addCheckIn({ metricId: m1.id, value: 6 });
    await user.caller.targets.addCheckIn({ metricId: m2.id, value: 1 });
    const titles = async (input?: Parameters<typeof user.caller.targets.list>[0]) =>
      (await user.caller.targets.list(input)).items.map((t) => t.title);
    expect(await titles()).toEqual(["Bad", "Fine"]);
    expect(await titles({ kind: "speed" })).toEqual(["Bad"]);
    expect(await titles({ personId: em.id })).toEqual(["Fine"]);
    expect(await titles({ areaId: area.id })).toEqual(["Bad"]);
    await user.caller.targets.setStatus({ id: bad.id, status: "dropped" });
    expect(await titles({ status: "active" })).toEqual(["Fine"]);
  });

  it("rejects bad input with field errors and keeps what was saved", async () => {
    const user = await createUser(database.current.db);
    const { em } = await pair(user);
    await expect(
      user.caller.targets.create({ title: "", kind: "speed", ownerIds: [], startDate: "2026-05-01", dueDate: "2026-04-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const target = await halfwayTarget(user, [em.id]);
    await expect(
      user.caller.targets.addMetric({ targetId: target.id, name: "Band", direction: "band", bandLow: 5, bandHigh: 1 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const metric = await user.caller.targets.addMetric({ targetId: target.id, name: "X", direction: "higher", baseline: 0, goal: 1 });
    await expect(user.caller.targets.addCheckIn({ metricId: metric.id, value: Number.NaN })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      user.caller.targets.addCheckIn({ metricId: metric.id, value: 1, at: new Date(Date.now() + 5 * DAY) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(user.caller.targets.addCheckIns({ metricId: metric.id, text: "2026-01-01,1\n2026-01-02,oops" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'Line 2: "oops" is not a number. Nothing was added.',
    });
    expect((await user.caller.targets.get({ id: target.id })).metrics[0]!.recent).toEqual([]);
  });

  it("refuses a metric whose maths would mislead, with the field each message belongs to; values fit the unit", async () => {
    const user = await createUser(database.current.db);
    const { em } = await pair(user);
    const target = await halfwayTarget(user, [em.id]);
    const misleading = user.caller.targets.addMetric({
      targetId: target.id,
      name: "P95",
      unit: "ms",
      direction: "lower",
      baseline: 420,
      goal: 500,
      warning: 350,
    });
    await expect(misleading).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        issues: [
          { path: ["goal"], message: "Lower is better: the goal must be below the baseline." },
          { path: ["warning"], message: expect.stringContaining("the warning threshold must be above the goal") },
        ],
      },
    });
    await expect(
      user.caller.targets.addMetric({
        targetId: target.id,
        name: "Band",
        unit: "%",
        direction: "band",
        bandLow: 40,
        bandHigh: 60,
        warning: -5,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { issues: [{ path: ["warning"] }] } });
    await expect(
      user.caller.targets.addMetric({ targetId: target.id, name: "Huge", direction: "higher", baseline: 0, goal: 1e308 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const share = await user.caller.targets.addMetric({
      targetId: target.id,
      name: "Share",
      unit: "%",
      direction: "higher",
      baseline: 10,
      goal: 40,
    });
    await expect(user.caller.targets.addCheckIn({ metricId: share.id, value: 1e9 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { value: "A percentage must be between -10,000% and 10,000%." } },
    });
    await expect(user.caller.targets.addCheckIns({ metricId: share.id, text: "2026-01-01,20\n2026-01-02,50000" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Line 2: A percentage must be between -10,000% and 10,000%. Nothing was added.",
    });
    // No check-in yet: no data yet, not on track.
    const detail = await user.caller.targets.get({ id: target.id });
    expect(detail.metrics.map((m) => m.status.health)).toEqual(["no_data"]);
    expect(detail.health).toBe("no_data");
  });

  it("bulk paste, edit and delete check-ins; milestones are done or not", async () => {
    const user = await createUser(database.current.db);
    const { em } = await pair(user);
    const target = await halfwayTarget(user, [em.id], { kind: "feature" });
    const metric = await user.caller.targets.addMetric({
      targetId: target.id,
      name: "Adoption",
      unit: "%",
      direction: "higher",
      baseline: 0,
      goal: 80,
    });
    await expect(
      user.caller.targets.addCheckIns({ metricId: metric.id, text: "date,value\n2026-01-01,10\n2026-01-08,20,good week" }),
    ).resolves.toEqual({ added: 2 });
    let recent = (await user.caller.targets.get({ id: target.id })).metrics[0]!.recent;
    expect(recent.map((c) => c.value)).toEqual([20, 10]);
    await user.caller.targets.updateCheckIn({
      id: recent[0]!.id,
      version: recent[0]!.version,
      value: 25,
      at: recent[0]!.at,
      note: "corrected",
    });
    await user.caller.targets.deleteCheckIn({ id: recent[1]!.id });
    recent = (await user.caller.targets.get({ id: target.id })).metrics[0]!.recent;
    expect(recent).toMatchObject([{ value: 25, note: "corrected" }]);

    const milestone = await user.caller.targets.addMetric({ targetId: target.id, name: "Beta shipped", kind: "milestone" });
    await user.caller.targets.setMilestoneDone({ id: milestone.id, done: true });
    const detail = await user.caller.targets.get({ id: target.id });
    expect(detail.metrics[1]!.status.health).toBe("achieved");
    await expect(user.caller.targets.addCheckIn({ metricId: milestone.id, value: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("deleting a target removes its metrics and check-ins", async () => {
    const user = await createUser(database.current.db);
    const { em } = await pair(user);
    const target = await halfwayTarget(user, [em.id]);
    const metric = await user.caller.targets.addMetric({ targetId: target.id, name: "X", direction: "higher", baseline: 0, goal: 1 });
    await user.caller.targets.addCheckIn({ metricId: metric.id, value: 0.5 });
    await user.caller.targets.delete({ id: target.id });
    await expect(user.caller.targets.get({ id: target.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [left] = await database.current.db
      .select({ n: sql<number>`count(*)::int` })
      .from(checkIns)
      .where(sql`metric_id = ${metric.id}`);
    expect(left!.n).toBe(0);
  });
});

describe("REST: POST /api/v1/metrics/{id}/check-ins", () => {
  const post = (metricId: string, body: unknown, token?: string) =>
    pushCheckIn(
      database.current.db,
      new Request(`http://localhost/api/v1/metrics/${metricId}/check-ins`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      metricId,
    );

  async function setup() {
    const user = await createUser(database.current.db);
    const { em } = await pair(user);
    const target = await halfwayTarget(user, [em.id]);
    const metric = await user.caller.targets.addMetric({
      targetId: target.id,
      name: "Uptime",
      direction: "higher",
      baseline: 99,
      goal: 99.9,
    });
    const { token, id } = await user.caller.apiTokens.create({ name: "CI" });
    return { user, target, metric, token, tokenId: id };
  }

  it("201 with the stored check-in, and the token's last use recorded", async () => {
    const { user, metric, token } = await setup();
    const response = await post(metric.id, { value: 99.7, at: "2026-03-01T10:00:00Z", note: "from CI" }, token);
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ metricId: metric.id, value: 99.7, at: "2026-03-01T10:00:00.000Z", note: "from CI" });
    const [listed] = await user.caller.apiTokens.list();
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  it("401 without a token, with a wrong one, or a revoked one", async () => {
    const { user, metric, token, tokenId } = await setup();
    expect((await post(metric.id, { value: 1 })).status).toBe(401);
    expect((await post(metric.id, { value: 1 }, "isk_not-a-real-token")).status).toBe(401);
    await user.caller.apiTokens.revoke({ id: tokenId });
    expect((await post(metric.id, { value: 1 }, token)).status).toBe(401);
  });

  it("404 for a metric that is not the token owner's (user B's token on user A's metric)", async () => {
    const a = await setup();
    const b = await setup();
    const response = await post(a.metric.id, { value: 1 }, b.token);
    expect(response.status).toBe(404);
    expect((await a.user.caller.targets.get({ id: a.target.id })).metrics[0]!.recent).toEqual([]);
    expect((await post("not-a-uuid", { value: 1 }, b.token)).status).toBe(404);
  });

  it("400 with the field's error for bad JSON or a non-finite value", async () => {
    const { metric, token } = await setup();
    const badJson = await post(metric.id, "{value: 1", token);
    expect(badJson.status).toBe(400);
    const notNumber = await post(metric.id, { value: "99.9" }, token);
    expect(notNumber.status).toBe(400);
    expect(await notNumber.json()).toMatchObject({ fields: { value: expect.stringMatching(/number/) } });
    const huge = await post(metric.id, '{"value": 1e999}', token);
    expect(huge.status).toBe(400);
    const badTime = await post(metric.id, { value: 1, at: "yesterday" }, token);
    expect(await badTime.json()).toMatchObject({ fields: { at: expect.any(String) } });
    const extra = await post(metric.id, { value: 1, orgId: "someone" }, token);
    expect(extra.status).toBe(400);
  });
});

describe("query counts and downsampling", () => {
  async function queriesOf(run: () => Promise<unknown>) {
    database.current.queries.length = 0;
    await run();
    return database.current.queries.length;
  }

  async function accountWith(targetCount: number, checkInsPerMetric: number) {
    const user = await createUser(database.current.db);
    const { em, staff } = await pair(user);
    let lastTarget = "";
    let lastMetric = "";
    for (let i = 0; i < targetCount; i++) {
      const t = await halfwayTarget(user, [em.id, staff.id], { title: `T${i}` });
      const m = await user.caller.targets.addMetric({ targetId: t.id, name: "m", direction: "higher", baseline: 0, goal: 100 });
      lastTarget = t.id;
      lastMetric = m.id;
    }
    if (checkInsPerMetric) {
      await database.current.db.execute(sql`
        insert into check_ins (org_id, metric_id, at, value)
        select ${user.actor.orgId}, ${lastMetric}, now() - (g || ' minutes')::interval, g % 100
        from generate_series(1, ${checkInsPerMetric}) g`);
    }
    return { user, lastTarget };
  }

  it("the targets list: the same number of queries for 10 and 1,000 targets, and one page of them", async () => {
    const small = await accountWith(10, 0);
    const large = await accountWith(1_000, 0);
    const a = await queriesOf(() => small.user.caller.targets.list());
    const b = await queriesOf(() => large.user.caller.targets.list());
    expect(b).toBe(a);
    // The page, then owners, metrics and latest values (and the user's day: a test actor has no session zone).
    expect(a).toBeLessThanOrEqual(5);
    const first = await large.user.caller.targets.list();
    expect(first.items).toHaveLength(TARGETS_PAGE);
    expect(first.nextCursor).not.toBeNull();
  }, 120_000);

  it("a target page: the same number of queries for 10 and 100,000 check-ins, and a downsampled chart", async () => {
    const small = await accountWith(1, 10);
    const large = await accountWith(1, 100_000);
    const a = await queriesOf(() => small.user.caller.targets.get({ id: small.lastTarget }));
    const b = await queriesOf(() => large.user.caller.targets.get({ id: large.lastTarget }));
    expect(b).toBe(a);
    const detail = await large.user.caller.targets.get({ id: large.lastTarget });
    expect(detail.metrics[0]!.series.length).toBe(CHART_POINTS);
    expect(detail.metrics[0]!.series.reduce((n, p) => n + p.count, 0)).toBe(100_000);
    expect(detail.metrics[0]!.recent).toHaveLength(20);
    const smallDetail = await small.user.caller.targets.get({ id: small.lastTarget });
    expect(smallDetail.metrics[0]!.series).toHaveLength(10);
  }, 120_000);
});

describe("demo", () => {
  it("adds targets with months of check-ins, some on track and some at risk or off track", async () => {
    const user = await createUser(database.current.db);
    await user.caller.people.loadDemo();
    const list = (await user.caller.targets.list()).items;
    // Three of the director's, and Tom's two sub-targets of the Search one (a tree with a branch off track).
    expect(list).toHaveLength(5);
    expect(list.filter((t) => t.partOf.length === 1).map((t) => t.partOf[0]!.title)).toEqual([
      "Search P99 latency under 300 ms",
      "Search P99 latency under 300 ms",
    ]);
    const healths = list.map((t) => t.health);
    expect(healths).toContain("on_track");
    expect(healths.some((h) => h === "at_risk" || h === "off_track")).toBe(true);
    expect(list.filter((t) => t.parentId === null).every((t) => t.owners.length === 2)).toBe(true);
    const [search] = (await user.caller.targets.trees()).trees;
    expect(search!.title).toBe("Search P99 latency under 300 ms");
    expect(search!.worst).toBe("off_track");
  });
});

describe("one today: past the due date is judged on the user's day", () => {
  it("a target due on the UTC date is overdue where that day has ended, and one due the day before is not where it is still on", async () => {
    const user = await createUser(database.current.db);
    const { em } = await pair(user);
    const now = new Date();
    const utcDay = isoDay(now);
    // East of UTC by 14 hours the next day has begun from 10:00 UTC; west by 10 hours the day before lasts until 10:00 UTC.
    const ahead = now.getUTCHours() >= 10;
    const [timeZone, dueDate, overdue] = ahead
      ? ["Pacific/Kiritimati", utcDay, true]
      : ["Pacific/Honolulu", isoDay(new Date(now.getTime() - DAY)), false];
    const me = await user.caller.account.me();
    await user.caller.account.updateProfile({ name: me.name, timeZone, version: me.version });
    const target = await user.caller.targets.create({
      title: "Due at midnight",
      kind: "feature",
      ownerIds: [em.id],
      startDate: "2026-01-01",
      dueDate,
    });
    await user.caller.targets.addMetric({ targetId: target.id, name: "Launch", kind: "milestone" });
    const [listed] = (await user.caller.targets.list({})).items;
    expect(listed!.metrics[0]!.status.overdue).toBe(overdue);
    expect((await user.caller.targets.get({ id: target.id })).metrics[0]!.status.overdue).toBe(overdue);
  });
});

describe("targets follow the chart", () => {
  /** A director (admin, top) with two EMs under them; the first EM has two reports; a staff engineer reports to the director. */
  async function line() {
    const director = await createUser(database.current.db);
    const c = director.caller.people;
    const emPerson = await c.create({ name: "Eve EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const peerPerson = await c.create({ name: "Pat Peer", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const staff = await c.create({ name: "Sam Staff", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    const ic1 = await c.create({ name: "Ida IC", track: "ic", level: "senior", managerId: emPerson.id, cadence: "weekly" });
    const ic2 = await c.create({ name: "Ian IC", track: "ic", level: "senior", managerId: emPerson.id, cadence: "weekly" });
    const em = await joinAsMember(database.current.db, director, emPerson.id);
    const peer = await joinAsMember(database.current.db, director, peerPerson.id);
    const owner = await joinAsMember(database.current.db, director, ic1.id);
    return { director, em, peer, owner, staff, ic1, ic2 };
  }

  it("an EM sets targets for their own reports; the director sees them but cannot edit; a peer gets NOT_FOUND", async () => {
    const { director, em, peer, staff, ic1, ic2 } = await line();
    const target = await halfwayTarget(em, [ic1.id, ic2.id]);
    expect(target.controllerPersonId).toBe(em.actor.personId);
    // Owners are people the controller may place: not someone outside their part of the chart.
    await expect(halfwayTarget(em, [ic1.id, staff.id])).rejects.toMatchObject({
      code: "NOT_FOUND",
      cause: { fieldErrors: { ownerIds: "That person is not in your part of the organisation." } },
    });
    const metric = await em.caller.targets.addMetric({
      targetId: target.id,
      name: "Uptime",
      unit: "%",
      direction: "higher",
      baseline: 99,
      goal: 99.9,
    });

    // The skip-level sees the roll-up, and nothing of the definition is theirs to change.
    expect((await director.caller.targets.get({ id: target.id })).canEdit).toBe(false);
    expect((await director.caller.targets.list()).items.map((t) => t.id)).toContain(target.id);
    const loaded = await em.caller.targets.get({ id: target.id });
    expect(loaded.canEdit).toBe(true);
    const fields = {
      title: "Taken over",
      kind: "speed" as const,
      ownerIds: [ic1.id],
      startDate: target.startDate,
      dueDate: target.dueDate,
    };
    // Thunks: each call starts only when awaited, so none rejects unobserved (an unhandled rejection on PostgreSQL).
    for (const attempt of [
      () => director.caller.targets.update({ ...fields, id: target.id, version: loaded.version }),
      () => director.caller.targets.setStatus({ id: target.id, status: "dropped" }),
      () => director.caller.targets.delete({ id: target.id }),
      () => director.caller.targets.addMetric({ targetId: target.id, name: "Other", unit: "%", direction: "higher", baseline: 1, goal: 2 }),
      () => director.caller.targets.deleteMetric({ id: metric.id }),
      () => director.caller.targets.addCheckIn({ metricId: metric.id, value: 99.5 }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }

    // A peer sees nothing of it, until the controller shares it with the organisation.
    await expect(peer.caller.targets.get({ id: target.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await peer.caller.targets.list()).items.map((t) => t.id)).not.toContain(target.id);
    await em.caller.targets.update({
      ...fields,
      title: target.title,
      ownerIds: [ic1.id, ic2.id],
      id: target.id,
      version: loaded.version,
      sharedWithOrg: true,
    });
    expect((await peer.caller.targets.get({ id: target.id })).sharedWithOrg).toBe(true);
    await expect(peer.caller.targets.setStatus({ id: target.id, status: "dropped" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await em.caller.targets.get({ id: target.id })).status).toBe("active");
  });

  it("an owner checks in on their target but does not edit it; 'mine' lists what one controls or owns", async () => {
    const { director, em, owner, ic1 } = await line();
    const target = await halfwayTarget(em, [ic1.id]);
    const metric = await em.caller.targets.addMetric({
      targetId: target.id,
      name: "Latency",
      unit: "ms",
      direction: "lower",
      baseline: 400,
      goal: 200,
    });
    const own = await halfwayTarget(director, [director.actor.personId]);

    const checkIn = await owner.caller.targets.addCheckIn({ metricId: metric.id, value: 300 });
    expect(checkIn.value).toBe(300);
    expect((await owner.caller.targets.get({ id: target.id })).canEdit).toBe(false);
    await expect(owner.caller.targets.setStatus({ id: target.id, status: "achieved" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      owner.caller.targets.updateMetric({
        id: metric.id,
        version: metric.version,
        name: "Mine now",
        unit: "ms",
        direction: "lower",
        baseline: 1,
        goal: 0,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The director's own target is not the owner's to see.
    await expect(owner.caller.targets.get({ id: own.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect((await director.caller.targets.list({ mine: true })).items.map((t) => t.id)).toEqual([own.id]);
    expect((await director.caller.targets.list()).items.map((t) => t.id).sort()).toEqual([own.id, target.id].sort());
    expect((await owner.caller.targets.list({ mine: true })).items.map((t) => t.id)).toEqual([target.id]);
  });

  it("the REST push checks in as the token's member, under the same rule", async () => {
    const { director, em, owner, ic1 } = await line();
    const target = await halfwayTarget(em, [ic1.id]);
    const metric = await em.caller.targets.addMetric({
      targetId: target.id,
      name: "Uptime",
      unit: "%",
      direction: "higher",
      baseline: 99,
      goal: 99.9,
    });
    const push = async (who: TestUser) => {
      const { token } = await who.caller.apiTokens.create({ name: "ci" });
      const request = new Request(`http://localhost/api/v1/metrics/${metric.id}/check-ins`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ value: 99.5 }),
      });
      return (await pushCheckIn(database.current.db, request, metric.id)).status;
    };
    expect(await push(owner)).toBe(201);
    expect(await push(em)).toBe(201);
    // The skip-level sees the target, but checking in is the controller's and the owners'.
    expect(await push(director)).toBe(404);
  });
});

describe("targets the pair works on", () => {
  /**
   * A director (admin, top) with an EM and a staff engineer under them (the
   * pair, both members) and the EM's report (a member); a peer EM (a member)
   * beside the pair. The director sets the pair's target; the EM sets one for
   * their report (the director then is a skip-level who only sees it).
   */
  async function pairWorld() {
    const db = database.current.db;
    const director = await createUser(db);
    const c = director.caller.people;
    const emPerson = await c.create({ name: "Eve EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const staffPerson = await c.create({ name: "Sam Staff", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    const peerPerson = await c.create({ name: "Pat Peer", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const icPerson = await c.create({ name: "Ida IC", track: "ic", level: "senior", managerId: emPerson.id, cadence: "weekly" });
    const em = await joinAsMember(db, director, emPerson.id, { name: "Eve EM" });
    const staff = await joinAsMember(db, director, staffPerson.id, { name: "Sam Staff" });
    const peer = await joinAsMember(db, director, peerPerson.id);
    const ic = await joinAsMember(db, director, icPerson.id, { name: "Ida IC" });
    const pairTarget = await halfwayTarget(director, [emPerson.id, staffPerson.id], { title: "Checkout p99" });
    const p99 = await director.caller.targets.addMetric({
      targetId: pairTarget.id,
      name: "P99",
      unit: "ms",
      direction: "lower",
      baseline: 800,
      goal: 300,
    });
    const icTarget = await halfwayTarget(em, [icPerson.id], { title: "Search latency" });
    const latency = await em.caller.targets.addMetric({
      targetId: icTarget.id,
      name: "Latency",
      unit: "ms",
      direction: "lower",
      baseline: 400,
      goal: 200,
    });
    const launch = await em.caller.targets.addMetric({ targetId: icTarget.id, name: "Launch", kind: "milestone" });
    return { director, em, staff, peer, ic, emPerson, staffPerson, icPerson, pairTarget, p99, icTarget, latency, launch };
  }

  const push = async (who: TestUser, metricId: string, value: number) => {
    const { token } = await who.caller.apiTokens.create({ name: "ci" });
    const request = new Request(`http://localhost/api/v1/metrics/${metricId}/check-ins`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ value, note: "from CI" }),
    });
    const response = await pushCheckIn(database.current.db, request, metricId);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("an owner who is not the controller checks in by the form, by pasting and with their own API token; the skip-level who sees the target is refused all three", async () => {
    const { director, ic, icTarget, latency, launch } = await pairWorld();

    // The form (one check-in), the paste (many) and the REST API (the owner's own token): the same rule.
    expect((await ic.caller.targets.addCheckIn({ metricId: latency.id, value: 350, at: new Date(Date.now() - 3 * DAY) })).value).toBe(350);
    expect(
      await ic.caller.targets.addCheckIns({ metricId: latency.id, text: `${isoDay(new Date(Date.now() - 2 * DAY))},320,after the index` }),
    ).toEqual({
      added: 1,
    });
    const pushed = await push(ic, latency.id, 300);
    expect(pushed.status).toBe(201);
    expect(pushed.body).toMatchObject({ metricId: latency.id, value: 300, note: "from CI" });
    await ic.caller.targets.setMilestoneDone({ id: launch.id, done: true });

    // The owner edits and deletes check-ins too (theirs to keep right); the director sees every value.
    const detail = await ic.caller.targets.get({ id: icTarget.id });
    expect(detail).toMatchObject({ canEdit: false, canCheckIn: true });
    const seen = await director.caller.targets.get({ id: icTarget.id });
    expect(seen).toMatchObject({ canEdit: false, canCheckIn: false });
    const metric = seen.metrics.find((m) => m.id === latency.id)!;
    expect(metric.latest?.value).toBe(300);
    expect(metric.recent.map((r) => r.value)).toEqual([300, 320, 350]);
    expect(seen.metrics.find((m) => m.id === launch.id)!.done).toBe(true);

    // The skip-level: NOT_FOUND by every path, as for a metric that does not exist; nothing stored.
    for (const attempt of [
      () => director.caller.targets.addCheckIn({ metricId: latency.id, value: 1 }),
      () => director.caller.targets.addCheckIns({ metricId: latency.id, text: "2026-02-03,1" }),
      () => director.caller.targets.setMilestoneDone({ id: launch.id, done: false }),
      () =>
        director.caller.targets.updateCheckIn({ id: metric.recent[0]!.id, version: metric.recent[0]!.version, value: 1, at: new Date() }),
      () => director.caller.targets.deleteCheckIn({ id: metric.recent[0]!.id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const refused = await push(director, latency.id, 1);
    expect(refused).toEqual({ status: 404, body: { error: "Metric not found." } });
    const after = await director.caller.targets.get({ id: icTarget.id });
    expect(after.metrics.find((m) => m.id === latency.id)!.recent).toHaveLength(3);
    expect(after.metrics.find((m) => m.id === launch.id)!.done).toBe(true);
  });

  it("both owners of the pair's target check in, each with their own token; a peer who does not see it gets 404", async () => {
    const { director, em, staff, peer, pairTarget, p99 } = await pairWorld();
    expect((await push(em, p99.id, 600)).status).toBe(201);
    expect((await push(staff, p99.id, 550)).status).toBe(201);
    await staff.caller.targets.addCheckIns({ metricId: p99.id, text: `${isoDay(new Date(Date.now() - DAY))},580` });
    expect((await push(peer, p99.id, 1)).status).toBe(404);
    await expect(peer.caller.targets.addCheckIn({ metricId: p99.id, value: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const seen = await director.caller.targets.get({ id: pairTarget.id });
    expect(seen.metrics[0]!.recent.map((r) => r.value).sort()).toEqual([550, 580, 600]);
  });

  it("an owner sees the definition but every change to it is refused: metrics, goals, bands, dates, owners, status, deletion", async () => {
    const { em, ic, icPerson, icTarget, latency, launch } = await pairWorld();
    const before = await em.caller.targets.get({ id: icTarget.id });
    const definition = {
      title: "Mine now",
      kind: "speed" as const,
      ownerIds: [icPerson.id],
      startDate: icTarget.startDate,
      dueDate: "2027-12-31",
    };
    for (const attempt of [
      () => ic.caller.targets.update({ ...definition, id: icTarget.id, version: before.version }),
      () =>
        ic.caller.targets.update({
          ...definition,
          title: icTarget.title,
          ownerIds: [icPerson.id, em.actor.personId],
          id: icTarget.id,
          version: before.version,
        }),
      () => ic.caller.targets.setStatus({ id: icTarget.id, status: "achieved" }),
      () => ic.caller.targets.delete({ id: icTarget.id }),
      () => ic.caller.targets.addMetric({ targetId: icTarget.id, name: "Errors", unit: "%", direction: "lower", baseline: 5, goal: 1 }),
      () =>
        ic.caller.targets.updateMetric({
          id: latency.id,
          version: latency.version,
          name: "Latency",
          unit: "ms",
          direction: "lower",
          baseline: 400,
          goal: 390,
        }),
      () =>
        ic.caller.targets.updateMetric({
          id: latency.id,
          version: latency.version,
          name: "Latency",
          unit: "ms",
          direction: "band",
          bandLow: 0,
          bandHigh: 1000,
        }),
      () => ic.caller.targets.deleteMetric({ id: latency.id }),
      () => ic.caller.targets.deleteMetric({ id: launch.id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const after = await em.caller.targets.get({ id: icTarget.id });
    expect(after.version).toBe(before.version);
    expect({ ...after, metrics: after.metrics.map(({ version, goal, direction }) => ({ version, goal, direction })) }).toMatchObject({
      title: icTarget.title,
      dueDate: icTarget.dueDate,
      status: "active",
      metrics: before.metrics.map(({ version, goal, direction }) => ({ version, goal, direction })),
    });
    // The owner reads all of it: the same definition the controller sees.
    const seen = await ic.caller.targets.get({ id: icTarget.id });
    expect(seen).toMatchObject({ title: icTarget.title, dueDate: icTarget.dueDate, canEdit: false, canCheckIn: true });
    expect(seen.metrics.map((m) => [m.name, m.baseline, m.goal])).toEqual(before.metrics.map((m) => [m.name, m.baseline, m.goal]));
  });

  it("a comment thread: the pair and the controller write, the director and everyone who sees the target read; the author deletes their own", async () => {
    const { director, em, staff, peer, pairTarget } = await pairWorld();
    expect((await director.caller.targets.comments({ targetId: pairTarget.id })).items).toEqual([]);
    const first = await em.caller.targets.addComment({ targetId: pairTarget.id, body: "\n\nCache warmed on the payments path.  \n" });
    expect(first.body).toBe("Cache warmed on the payments path.");
    await staff.caller.targets.addComment({ targetId: pairTarget.id, body: "p99 down to 550 ms; next: the search index." });
    await director.caller.targets.addComment({ targetId: pairTarget.id, body: "Good progress, keep the index work small." });

    const thread = await director.caller.targets.comments({ targetId: pairTarget.id });
    // Newest at the bottom, each with its author and time.
    expect(thread.items.map((c) => [c.authorName, c.body])).toEqual([
      ["Eve EM", "Cache warmed on the payments path."],
      ["Sam Staff", "p99 down to 550 ms; next: the search index."],
      [director.name, "Good progress, keep the index work small."],
    ]);
    expect(thread.items.every((c) => c.createdAt instanceof Date)).toBe(true);
    expect(thread).toMatchObject({ olderCursor: null, canWrite: true });
    expect((await staff.caller.targets.comments({ targetId: pairTarget.id })).items.map((c) => c.mine)).toEqual([false, true, false]);

    // Not seen: NOT_FOUND to read and to write, as a target that does not exist.
    await expect(peer.caller.targets.comments({ targetId: pairTarget.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(peer.caller.targets.addComment({ targetId: pairTarget.id, body: "Hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Only the author deletes a comment.
    await expect(staff.caller.targets.deleteComment({ id: first.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(director.caller.targets.deleteComment({ id: first.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await em.caller.targets.deleteComment({ id: first.id });
    await expect(em.caller.targets.deleteComment({ id: first.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await em.caller.targets.comments({ targetId: pairTarget.id })).items).toHaveLength(2);

    // Bad input is a 400 with the field's message, never a 500.
    await expect(em.caller.targets.addComment({ targetId: pairTarget.id, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(em.caller.targets.addComment({ targetId: pairTarget.id, body: "x".repeat(2_001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(em.caller.targets.comments({ targetId: pairTarget.id, cursor: "not a cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("the line above reads a report's thread and status but does not write them; an owner removed from the target gets NOT_FOUND on the next save", async () => {
    const { director, em, ic, icPerson, icTarget } = await pairWorld();
    await ic.caller.targets.addComment({ targetId: icTarget.id, body: "Index rebuilt." });
    const status = await ic.caller.targets.saveStatus({ targetId: icTarget.id, body: "Halfway there.", version: 0 });
    // The skip-level (the EM's manager) reads both, and writes neither.
    expect((await director.caller.targets.comments({ targetId: icTarget.id })).items.map((c) => c.body)).toEqual(["Index rebuilt."]);
    expect((await director.caller.targets.comments({ targetId: icTarget.id })).canWrite).toBe(false);
    expect((await director.caller.targets.statusUpdates({ targetId: icTarget.id })).thisWeek?.body).toBe("Halfway there.");
    await expect(director.caller.targets.addComment({ targetId: icTarget.id, body: "Nice" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      director.caller.targets.saveStatus({ targetId: icTarget.id, body: "Mine", version: status.version }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // The controller replaces the owner: the owner's next save answers NOT_FOUND, not a 500.
    const loaded = await em.caller.targets.get({ id: icTarget.id });
    await em.caller.targets.update({
      id: icTarget.id,
      version: loaded.version,
      title: loaded.title,
      kind: loaded.kind,
      ownerIds: [em.actor.personId],
      startDate: loaded.startDate,
      dueDate: loaded.dueDate,
    });
    expect(icPerson.id).not.toBe(em.actor.personId);
    for (const attempt of [
      () => ic.caller.targets.addComment({ targetId: icTarget.id, body: "Still here?" }),
      () => ic.caller.targets.saveStatus({ targetId: icTarget.id, body: "Edited", version: status.version }),
      () => ic.caller.targets.comments({ targetId: icTarget.id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("a long thread comes in pages of 50, newest first, by a keyset that neither skips nor repeats", async () => {
    const { em, director, pairTarget } = await pairWorld();
    for (let i = 0; i < 120; i++) await em.caller.targets.addComment({ targetId: pairTarget.id, body: `Comment ${i}` });
    const items: { id: string; body: string; createdAt: Date }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof director.caller.targets.comments>> = await director.caller.targets.comments({
        targetId: pairTarget.id,
        cursor,
      });
      items.unshift(...page.items);
      cursor = page.olderCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    // Every comment once: none skipped, none repeated.
    expect(items.map((c) => c.body).sort()).toEqual(Array.from({ length: 120 }, (_, i) => `Comment ${i}`).sort());
    // In the keyset's order, oldest first: by time, and by id among comments of the same millisecond.
    const key = (c: { id: string; createdAt: Date }) => `${c.createdAt.toISOString()} ${c.id}`;
    expect(items.map(key)).toEqual(items.map(key).sort());
  });

  it("a weekly status: one per target and week, a second save edits it, a stale save is a conflict, and the page shows the history", async () => {
    const { director, em, staff, peer, pairTarget } = await pairWorld();
    const empty = await em.caller.targets.statusUpdates({ targetId: pairTarget.id });
    expect(empty).toMatchObject({ thisWeek: null, items: [], canWrite: true });

    const saved = await em.caller.targets.saveStatus({ targetId: pairTarget.id, body: "On track: the cache is in.", version: 0 });
    expect(saved).toMatchObject({ version: 1, weekStart: empty.weekStart });
    // The partner opened the form before that save: theirs is a conflict, not a second status of the week.
    await expect(staff.caller.targets.saveStatus({ targetId: pairTarget.id, body: "Mine", version: 0 })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { fieldErrors: { version: expect.any(String) } },
    });
    const edited = await staff.caller.targets.saveStatus({ targetId: pairTarget.id, body: "On track; the index is next.", version: 1 });
    expect(edited).toMatchObject({ id: saved.id, version: 2, authorPersonId: staff.actor.personId });
    await expect(em.caller.targets.saveStatus({ targetId: pairTarget.id, body: "Stale", version: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(em.caller.targets.saveStatus({ targetId: pairTarget.id, body: "x".repeat(281), version: 2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(peer.caller.targets.statusUpdates({ targetId: pairTarget.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A week later: the form opened last week is stale; this week's first status is a new one; the history keeps both.
    const db = database.current.db;
    const nextWeek = new Date(Date.now() + 7 * DAY);
    await expect(
      saveStatusUpdate(db, staff.actor, { targetId: pairTarget.id, body: "Late edit", version: 2 }, nextWeek),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const next = await saveStatusUpdate(
      db,
      staff.actor,
      { targetId: pairTarget.id, body: "Slipping: a regression.", version: 0 },
      nextWeek,
    );
    expect(next.id).not.toBe(saved.id);
    const history = await listStatusUpdates(db, director.actor, { targetId: pairTarget.id }, nextWeek);
    expect(history.thisWeek?.body).toBe("Slipping: a regression.");
    expect(history.items.map((s) => [s.body, s.authorName])).toEqual([
      ["Slipping: a regression.", "Sam Staff"],
      ["On track; the index is next.", "Sam Staff"],
    ]);
    expect(history.canWrite).toBe(true);
    // Two first saves of a week at once: one is stored, the other is a conflict; nothing is lost silently.
    const target2 = await halfwayTarget(director, [em.actor.personId, staff.actor.personId], { title: "Second" });
    const race = await Promise.allSettled([
      em.caller.targets.saveStatus({ targetId: target2.id, body: "EM's", version: 0 }),
      staff.caller.targets.saveStatus({ targetId: target2.id, body: "Staff's", version: 0 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((race.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });

    // One row per target and week, however many saves.
    const [{ n }] = (await database.current.query("select count(*)::int as n from target_status_updates where target_id = $1", [
      pairTarget.id,
    ])) as [{ n: number }];
    expect(n).toBe(2);
  });
});
