import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";
import { TIGHT_FOR_DAYS } from "@/lib/one-on-ones/suggestions";

const database = useTestDatabase();
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function engineeringManager(user: TestUser, name = "Emma Manager") {
  return user.caller.people.create({ name, track: "manager", level: "em", managerId: null, cadence: "weekly" });
}

/** A 1:1 held at a given time. */
async function heldOn(user: TestUser, personId: string, when: Date) {
  const meeting = await user.caller.oneOnOnes.schedule({ past: true, personId, scheduledAt: when });
  return user.caller.oneOnOnes.hold({ id: meeting.id, heldAt: when });
}

describe("1:1s", () => {
  it("schedule, then hold: undiscussed points and open actions carry over to the next 1:1", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const first = await user.caller.oneOnOnes.schedule({ past: true, personId: em.id, scheduledAt: daysAgo(8) });
    const hiring = await user.caller.oneOnOnes.addPoint({ personId: em.id, topic: "team", body: "Hiring plan for Q1" });
    const oncall = await user.caller.oneOnOnes.addPoint({
      personId: em.id,
      topic: "delegation",
      body: "Who owns the on-call rota",
      raisedBy: "them",
    });
    await user.caller.oneOnOnes.setDiscussed({ id: hiring.id, oneOnOneId: first.id });
    const action = await user.caller.oneOnOnes.addAction({
      personId: em.id,
      oneOnOneId: first.id,
      assignee: "them",
      title: "Draft the rota",
      dueDate: isoDay(daysAgo(1)),
    });
    await user.caller.oneOnOnes.hold({ id: first.id, heldAt: daysAgo(7) });

    const page = await user.caller.oneOnOnes.forPerson({ personId: em.id });
    expect(page.agenda.map((p) => [p.body, p.carriedOver])).toEqual([["Who owns the on-call rota", 1]]);
    // Agreed in the 1:1 just held: open, but not carried over yet.
    expect(page.actions.theirs).toMatchObject([{ title: "Draft the rota", overdue: true, carriedOver: 0 }]);
    expect(page.held).toBe(1);
    expect(page.due).toMatchObject({ state: "due", dueDay: isoDay(new Date()) });

    const second = await user.caller.oneOnOnes.schedule({ personId: em.id, scheduledAt: new Date(Date.now() + DAY) });
    const detail = await user.caller.oneOnOnes.get({ id: second.id });
    expect(detail.agenda.map((p) => p.id)).toEqual([oncall.id]);
    expect(detail.agenda[0]!.carriedOver).toBe(1);
    expect(detail.actions.theirs.map((a) => a.id)).toEqual([action.id]);
    await user.caller.oneOnOnes.hold({ id: second.id });
    const after = await user.caller.oneOnOnes.forPerson({ personId: em.id });
    expect(after.agenda[0]!.carriedOver).toBe(2);
    expect(after.actions.theirs[0]!.carriedOver).toBe(1);

    await user.caller.oneOnOnes.setActionDone({ id: action.id, done: true });
    expect((await user.caller.oneOnOnes.forPerson({ personId: em.id })).actions.theirs).toEqual([]);
    expect((await user.caller.oneOnOnes.forPerson({ personId: em.id })).due.state).toBe("ok");
  });

  it("holding twice is harmless; a held 1:1 cannot be moved or cancelled", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const held = await heldOn(user, em.id, daysAgo(1));
    expect((await user.caller.oneOnOnes.hold({ id: held.id })).heldAt).toEqual(held.heldAt);
    await expect(user.caller.oneOnOnes.reschedule({ id: held.id, scheduledAt: new Date() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(user.caller.oneOnOnes.cancel({ id: held.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("deleting a 1:1 puts the points discussed in it back on the agenda and keeps its notes", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const meeting = await user.caller.oneOnOnes.schedule({ personId: em.id, scheduledAt: new Date() });
    const point = await user.caller.oneOnOnes.addPoint({ personId: em.id, topic: "other", body: "Budget" });
    await user.caller.oneOnOnes.setDiscussed({ id: point.id, oneOnOneId: meeting.id });
    const note = await user.caller.oneOnOnes.addNote({
      personId: em.id,
      oneOnOneId: meeting.id,
      kind: "observation",
      body: "Calm under pressure",
    });
    await user.caller.oneOnOnes.delete({ id: meeting.id });
    const page = await user.caller.oneOnOnes.forPerson({ personId: em.id });
    expect(page.agenda.map((p) => p.id)).toEqual([point.id]);
    expect(page.notes.map((n) => [n.id, n.oneOnOneId])).toEqual([[note.id, null]]);
  });

  it("bad input: clear errors, nothing stored", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const other = await engineeringManager(user, "Other Person");
    const meeting = await user.caller.oneOnOnes.schedule({ personId: other.id, scheduledAt: new Date() });
    const point = await user.caller.oneOnOnes.addPoint({ personId: em.id, topic: "team", body: "x" });
    await expect(user.caller.oneOnOnes.setDiscussed({ id: point.id, oneOnOneId: meeting.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That 1:1 is with someone else.",
    });
    await expect(user.caller.oneOnOnes.addNote({ personId: em.id, kind: "coaching", body: "  " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(user.caller.oneOnOnes.addPoint({ personId: em.id, topic: "team", body: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      user.caller.oneOnOnes.schedule({ personId: em.id, scheduledAt: new Date(Date.now() + 3 * 365 * DAY) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      user.caller.oneOnOnes.addAction({ personId: em.id, assignee: "me", title: "Date", dueDate: "2026-02-30" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const goal = await user.caller.oneOnOnes.addGoal({ personId: other.id, title: "Other's goal" });
    await expect(
      user.caller.oneOnOnes.addNote({ personId: em.id, kind: "coaching", body: "linked to the wrong goal", goalId: goal.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await user.caller.people.archive({ id: other.id });
    await expect(user.caller.oneOnOnes.schedule({ personId: other.id, scheduledAt: new Date() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await user.caller.oneOnOnes.forPerson({ personId: em.id })).notes).toEqual([]);
  });

  it("a 1:1 in the past is refused next to the time unless the user records a past 1:1; moving one into the past too", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const lastWeek = daysAgo(7);
    await expect(user.caller.oneOnOnes.schedule({ personId: em.id, scheduledAt: lastWeek })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        issues: [
          { path: ["scheduledAt"], message: 'That time has passed. To add a 1:1 that already happened, choose "Record a past 1:1".' },
        ],
      },
    });
    const recorded = await user.caller.oneOnOnes.schedule({ personId: em.id, scheduledAt: lastWeek, past: true });
    expect(recorded.scheduledAt.getTime()).toBe(lastWeek.getTime());
    // Now (a 1:1 started this minute) is not the past.
    const now = await user.caller.oneOnOnes.schedule({ personId: em.id, scheduledAt: new Date() });
    await expect(user.caller.oneOnOnes.reschedule({ id: now.id, scheduledAt: daysAgo(2) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await user.caller.oneOnOnes.reschedule({ id: now.id, scheduledAt: daysAgo(2), past: true });
  });

  it("an action's owner can change, and it can be linked to a target the manager sees; one they do not see is NOT_FOUND", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const today = isoDay(new Date());
    const target = await user.caller.targets.create({
      title: "Faster checkout",
      kind: "speed",
      ownerIds: [em.id],
      startDate: today,
      dueDate: today,
    });
    const action = await user.caller.oneOnOnes.addAction({
      personId: em.id,
      assignee: "them",
      title: "Profile the cart",
      targetId: target.id,
    });
    expect(action.targetId).toBe(target.id);
    // Mine now; the link stays when an edit leaves it out.
    const mine = await user.caller.oneOnOnes.updateAction({
      id: action.id,
      version: action.version,
      assignee: "me",
      title: "Profile the cart",
      dueDate: null,
    });
    expect([mine.assignee, mine.targetId]).toEqual(["me", target.id]);
    const view = await user.caller.oneOnOnes.forPerson({ personId: em.id });
    expect(view.actions.mine.map((a) => [a.title, a.target?.title])).toEqual([["Profile the cart", "Faster checkout"]]);
    expect(view.actions.theirs).toEqual([]);
    const unlinked = await user.caller.oneOnOnes.updateAction({
      id: action.id,
      version: mine.version,
      assignee: "me",
      title: "Profile the cart",
      dueDate: null,
      targetId: null,
    });
    expect(unlinked.targetId).toBeNull();

    const stranger = await createUser(database.current.db);
    const theirs = await engineeringManager(stranger, "Elsewhere");
    const hidden = await stranger.caller.targets.create({
      title: "Not yours",
      kind: "speed",
      ownerIds: [theirs.id],
      startDate: today,
      dueDate: today,
    });
    const notFound = { code: "NOT_FOUND", cause: { fieldErrors: { targetId: "That target is not in your organisation." } } };
    await expect(
      user.caller.oneOnOnes.addAction({ personId: em.id, assignee: "them", title: "Leak", targetId: hidden.id }),
    ).rejects.toMatchObject(notFound);
    await expect(
      user.caller.oneOnOnes.updateAction({
        id: action.id,
        version: unlinked.version,
        assignee: "me",
        title: "x",
        dueDate: null,
        targetId: hidden.id,
      }),
    ).rejects.toMatchObject(notFound);
  });

  it("the overview puts overdue 1:1s first and lists those booked from today", async () => {
    const user = await createUser(database.current.db);
    const fresh = await engineeringManager(user, "Fresh Hire");
    const late = await engineeringManager(user, "Long Ago");
    const booked = await engineeringManager(user, "Booked Soon");
    await heldOn(user, late.id, daysAgo(20));
    await heldOn(user, booked.id, daysAgo(2));
    const next = await user.caller.oneOnOnes.schedule({ personId: booked.id, scheduledAt: new Date(Date.now() + 2 * DAY) });
    const overview = await user.caller.oneOnOnes.overview();
    expect(overview.people.map((p) => [p.name, p.due.state])).toEqual([
      ["Long Ago", "overdue"],
      ["Booked Soon", "scheduled"],
      ["Fresh Hire", "ok"],
    ]);
    expect(overview.upcoming.map((u) => u.id)).toEqual([next.id]);
    expect(fresh.id).toBeTruthy();
  });
});

describe("coaching notes", () => {
  it("are never silently overwritten: the second save from a stale version is a conflict and the saved text stays", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const note = await user.caller.oneOnOnes.addNote({ personId: em.id, kind: "coaching", body: "First text" });
    const tabOne = await user.caller.oneOnOnes.updateNote({ id: note.id, version: note.version, kind: "coaching", body: "Tab one's text" });
    expect(tabOne.version).toBe(note.version + 1);
    await expect(
      user.caller.oneOnOnes.updateNote({ id: note.id, version: note.version, kind: "coaching", body: "Tab two's text" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("changed elsewhere"),
    });
    expect((await user.caller.oneOnOnes.note({ id: note.id })).body).toBe("Tab one's text");
    // Saving again from the newer version works: the user chose to keep their text.
    expect(
      (await user.caller.oneOnOnes.updateNote({ id: note.id, version: tabOne.version, kind: "coaching", body: "Tab two's text" })).body,
    ).toBe("Tab two's text");
  });

  it("concurrent saves from the same version: exactly one wins", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const note = await user.caller.oneOnOnes.addNote({ personId: em.id, kind: "coaching", body: "Start" });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        user.caller.oneOnOnes.updateNote({ id: note.id, version: note.version, kind: "coaching", body: `Edit ${i}` }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "CONFLICT")).toBe(true);
    const saved = await user.caller.oneOnOnes.note({ id: note.id });
    expect(saved.version).toBe(note.version + 1);
    expect(saved.body).toBe((won[0] as PromiseFulfilledResult<{ body: string }>).value.body);
  });

  it("notes link to growth goals, which count them", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const goal = await user.caller.oneOnOnes.addGoal({ personId: em.id, title: "Run a two-team org", description: "Second team from Q1" });
    await user.caller.oneOnOnes.addNote({
      personId: em.id,
      goalId: goal.id,
      kind: "praise",
      situation: "Planning",
      behaviour: "Split the work by team",
      impact: "Both teams shipped",
    });
    const page = await user.caller.oneOnOnes.forPerson({ personId: em.id });
    expect(page.goals).toMatchObject([{ id: goal.id, notes: 1 }]);
    expect(page.notes[0]).toMatchObject({ goalTitle: "Run a two-team org", situation: "Planning" });
  });

  it("search finds notes and talking points by their words; % and _ are literal", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    await user.caller.oneOnOnes.addNote({ personId: em.id, kind: "coaching", body: "Talked about the **migration** plan" });
    await user.caller.oneOnOnes.addPoint({ personId: em.id, topic: "targets", body: "Migration at 50% done" });
    const found = await user.caller.oneOnOnes.search({ query: "MIGRATION" });
    expect(found.notes).toHaveLength(1);
    expect(found.points).toHaveLength(1);
    // The snippets' text is what a reader sees, not the markdown typed.
    expect(found.notes[0]!.text).toBe("Talked about the migration plan");
    expect(found.points[0]!.text).toBe("Migration at 50% done");
    expect((await user.caller.oneOnOnes.search({ query: "50%" })).points).toHaveLength(1);
    expect((await user.caller.oneOnOnes.search({ query: "0%d" })).points).toHaveLength(0);
    await expect(user.caller.oneOnOnes.search({ query: "a" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the prep page", () => {
  it("shows what changed since the last 1:1: a metric's delta, a target turning, a level change; and suggests points", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const target = await user.caller.targets.create({
      title: "Checkout P99",
      kind: "speed",
      ownerIds: [em.id],
      startDate: isoDay(daysAgo(60)),
      dueDate: isoDay(new Date(Date.now() + 30 * DAY)),
    });
    const p99 = await user.caller.targets.addMetric({
      targetId: target.id,
      name: "P99",
      unit: "ms",
      direction: "lower",
      baseline: 500,
      goal: 200,
    });
    await user.caller.targets.addCheckIn({ metricId: p99.id, value: 330, at: daysAgo(20) });
    const task = await user.caller.delegation.createTask({ personId: em.id, title: "On-call rota", competency: 4, criticality: 2 });
    await heldOn(user, em.id, daysAgo(14));
    await user.caller.targets.addCheckIn({ metricId: p99.id, value: 420, at: daysAgo(2) });
    const spectrum = await user.caller.delegation.activeSpectrum();
    await user.caller.delegation.setLevel({ id: task.id, levelId: spectrum.levels[5]!.id, reason: "Ran the last two incidents" });

    const prep = await user.caller.oneOnOnes.prep({ personId: em.id });
    expect(prep.since?.toISOString().slice(0, 10)).toBe(isoDay(daysAgo(14)));
    const metric = prep.targets[0]!.metrics[0]!;
    expect(metric.then?.value).toBe(330);
    expect(metric.latest?.value).toBe(420);
    expect(metric.movement).toMatchObject({ delta: 90, better: false });
    expect(prep.targets[0]!.health.direction).toBe("worse");
    expect(prep.levelChanges[0]).toMatchObject({
      taskTitle: "On-call rota",
      toLabel: spectrum.levels[5]!.label,
      reason: "Ran the last two incidents",
    });
    expect(prep.suggestions.some((s) => s.topic === "targets" && s.body.includes("Checkout P99"))).toBe(true);
  });

  it("dates a task's level from its last level change, not from when the task was made", async () => {
    // Regression: the "level since" subquery compared level_changes with its own
    // columns when the task query had one table, so every task fell back to its creation day.
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const spectrum = await user.caller.delegation.activeSpectrum();
    const task = await user.caller.delegation.createTask({ personId: em.id, title: "Release train", competency: 5, criticality: 1 });
    await user.caller.delegation.setLevel({ id: task.id, levelId: spectrum.levels[0]!.id });
    await database.current.db.execute(sql`update tasks set created_at = now() - interval '60 days' where id = ${task.id}`);
    await database.current.db.execute(sql`update level_changes set at = now() - interval '40 days' where task_id = ${task.id}`);

    const prep = await user.caller.oneOnOnes.prep({ personId: em.id });
    expect(prep.tightHeld).toMatchObject([{ title: "Release train", levelSinceDay: isoDay(daysAgo(40)) }]);
  });

  it("with no 1:1 yet, nothing is 'since' and the first one is due a cadence after the person was added", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const prep = await user.caller.oneOnOnes.prep({ personId: em.id });
    expect(prep).toMatchObject({ since: null, held: 0, levelChanges: [], lastNotes: [] });
    // Left out of the answer on the wire, as JSON leaves out an undefined field.
    expect(prep.lastMeeting).toBeUndefined();
    expect(prep.due).toMatchObject({ state: "ok", dueDay: isoDay(new Date(Date.now() + 7 * DAY)) });
  });

  it("loads in the same number of queries for 5 and 500 past 1:1s", async () => {
    async function withHistory(count: number) {
      const user = await createUser(database.current.db);
      const em = await engineeringManager(user);
      const target = await user.caller.targets.create({
        title: "Uptime",
        kind: "reliability",
        ownerIds: [em.id],
        startDate: isoDay(daysAgo(900)),
        dueDate: isoDay(new Date(Date.now() + 30 * DAY)),
      });
      const metric = await user.caller.targets.addMetric({
        targetId: target.id,
        name: "Uptime",
        unit: "%",
        direction: "higher",
        baseline: 99,
        goal: 99.9,
      });
      await user.caller.delegation.createTask({ personId: em.id, title: "Rota", competency: 3, criticality: 3 });
      const db = database.current.db;
      await db.execute(sql`
        insert into one_on_ones (org_id, manager_person_id, person_id, scheduled_at, status, held_at)
        select ${user.actor.orgId}, ${user.actor.personId}, ${em.id}, now() - g * interval '1 day', 'held', now() - g * interval '1 day'
        from generate_series(1, ${count}) g`);
      await db.execute(sql`
        insert into coaching_notes (org_id, author_person_id, person_id, one_on_one_id, kind, body)
        select org_id, manager_person_id, person_id, id, 'coaching', 'Note' from one_on_ones where org_id = ${user.actor.orgId}`);
      await db.execute(sql`
        insert into action_items (org_id, person_id, one_on_one_id, assignee, title, done_at)
        select org_id, person_id, id, 'them', 'Done thing', now() from one_on_ones where org_id = ${user.actor.orgId}`);
      await db.execute(sql`
        insert into check_ins (org_id, metric_id, at, value)
        select ${user.actor.orgId}, ${metric.id}, now() - g * interval '1 day', 99.5 from generate_series(1, ${count}) g`);
      // The EM signs in too, for their own side's prep page.
      const member = await joinAsMember(db, user, em.id);
      return { user, em, member };
    }
    const queriesOf = async (run: () => Promise<unknown>) => {
      database.current.queries.length = 0;
      await run();
      return database.current.queries.length;
    };
    const small = await withHistory(5);
    const large = await withHistory(500);
    const a = await queriesOf(() => small.user.caller.oneOnOnes.prep({ personId: small.em.id }));
    const b = await queriesOf(() => large.user.caller.oneOnOnes.prep({ personId: large.em.id }));
    expect(b).toBe(a);
    expect(a).toBeLessThanOrEqual(18);
    const c = await queriesOf(() => small.user.caller.oneOnOnes.forPerson({ personId: small.em.id }));
    const d = await queriesOf(() => large.user.caller.oneOnOnes.forPerson({ personId: large.em.id }));
    expect(d).toBe(c);
    // The report's own prep page (the shared 1:1) too.
    const e = await queriesOf(() => small.member.caller.oneOnOnes.myPrep());
    const f = await queriesOf(() => large.member.caller.oneOnOnes.myPrep());
    expect(f).toBe(e);
    expect(e).toBeLessThanOrEqual(18);
    expect((await large.member.caller.oneOnOnes.myPrep()).held).toBe(500);
    const prep = await large.user.caller.oneOnOnes.prep({ personId: large.em.id });
    expect(prep.held).toBe(500);
    expect(prep.lastNotes).toHaveLength(1);
  }, 60_000);
});

describe("demo", () => {
  it("gives the direct reports months of 1:1s: some overdue, some booked, with carried-over points, open actions and metric changes", async () => {
    const user = await createUser(database.current.db);
    await user.caller.people.loadDemo();
    const overview = await user.caller.oneOnOnes.overview();
    const state = (name: string) => overview.people.find((p) => p.name.startsWith(name))!.due.state;
    expect(state("Tom")).toBe("overdue");
    expect(state("Sofia")).toBe("overdue");
    expect(state("Priya")).toBe("scheduled");
    expect(overview.upcoming.length).toBe(2);
    const sofia = overview.people.find((p) => p.name.startsWith("Sofia"))!;
    expect(sofia.held).toBeGreaterThanOrEqual(5);
    const prep = await user.caller.oneOnOnes.prep({ personId: sofia.id });
    expect(prep.agenda.filter((p) => p.carriedOver > 0)).toHaveLength(2);
    expect(prep.actions.theirs[0]).toMatchObject({ overdue: true });
    expect(prep.targets[0]!.metrics.some((m) => m.movement.delta !== null && m.movement.delta !== 0)).toBe(true);
    expect(prep.lastNotes.length).toBeGreaterThan(0);
    expect(prep.goals).toHaveLength(1);
    expect(prep.suggestions.length).toBeGreaterThan(0);
  });
});

describe("home", () => {
  it("flags a task held tighter than suggested for TIGHT_FOR_DAYS, not a more recent one or one at its suggested level", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const spectrum = await user.caller.delegation.activeSpectrum();
    const make = async (title: string, levelIndex: number, daysAtLevel: number) => {
      const task = await user.caller.delegation.createTask({ personId: em.id, title, competency: 5, criticality: 1 });
      await user.caller.delegation.setLevel({ id: task.id, levelId: spectrum.levels[levelIndex]!.id });
      await database.current.db.execute(
        sql`update level_changes set at = now() - make_interval(days => ${daysAtLevel}) where task_id = ${task.id}`,
      );
    };
    await make("Held tight for long", 0, TIGHT_FOR_DAYS + 5);
    await make("Held tight since last week", 0, 7);
    await make("At the suggested level", spectrum.levels.length - 1, TIGHT_FOR_DAYS + 5);
    const home = await user.caller.home.summary();
    expect(home.delegation.items.map((t) => [t.title, t.tight])).toEqual([["Held tight for long", true]]);
  });

  it("lists the 1:1s the actor held this week, not earlier ones or those only booked", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    const other = await engineeringManager(user, "Olga Other");
    const now = await heldOn(user, em.id, new Date(Date.now() - 60_000));
    await heldOn(user, other.id, daysAgo(8));
    await user.caller.oneOnOnes.schedule({ personId: other.id, scheduledAt: new Date(Date.now() + DAY) });
    const home = await user.caller.home.summary();
    expect(home.oneOnOnes.held.map((m) => [m.id, m.personName])).toEqual([[now.id, "Emma Manager"]]);
  });

  it("the demo's week: due 1:1s, at-risk targets, delegation to review, open actions and the capacity bar, in a fixed number of queries", async () => {
    const empty = await createUser(database.current.db);
    const user = await createUser(database.current.db);
    await user.caller.people.loadDemo();
    const home = await user.caller.home.summary();
    expect(home.oneOnOnes.due.map((p) => p.name)).toEqual(expect.arrayContaining(["Sofia Alvarez", "Tom Okafor"]));
    expect(home.targets.some((t) => t.health === "at_risk" || t.health === "off_track")).toBe(true);
    expect(home.delegation.items.some((t) => t.overdue)).toBe(true);
    expect(home.actions.mine.length).toBeGreaterThan(0);
    expect(home.actions.theirsOverdue.every((a) => a.dueDate !== null)).toBe(true);
    expect(home.capacity.plan.allocated).toBeGreaterThan(20);
    const count = async (run: () => Promise<unknown>) => {
      database.current.queries.length = 0;
      await run();
      return database.current.queries.length;
    };
    await empty.caller.home.summary(); // makes the default spectrum, a one-time write
    const emptyCount = await count(() => empty.caller.home.summary());
    const demoCount = await count(() => user.caller.home.summary());
    // An empty target list skips its three follow-up queries (owners, metrics, latest values); nothing grows with the data.
    expect(demoCount).toBeLessThanOrEqual(emptyCount + 3);
    expect(demoCount).toBeLessThanOrEqual(25);
  });
});

describe("racing edits", () => {
  it("100 racing pairs of edits to the same note: each time one wins and the other gets a conflict, never a lost update", async () => {
    const user = await createUser(database.current.db);
    const em = await engineeringManager(user);
    let note = await user.caller.oneOnOnes.addNote({ personId: em.id, kind: "coaching", body: "v1" });
    for (let i = 0; i < 100; i++) {
      const edit = (who: string) =>
        user.caller.oneOnOnes.updateNote({ id: note.id, version: note.version, kind: "coaching", body: `${who} ${i}` });
      const [a, b] = await Promise.allSettled([edit("a"), edit("b")]);
      const won = [a, b].filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<typeof note>[];
      const lost = [a, b].filter((r) => r.status === "rejected") as PromiseRejectedResult[];
      expect(won).toHaveLength(1);
      expect(lost.map((r) => r.reason.code)).toEqual(["CONFLICT"]);
      note = await user.caller.oneOnOnes.note({ id: note.id });
      // What is saved is exactly the winner's text, at the next version.
      expect(note).toMatchObject({ body: won[0]!.value.body, version: i + 2 });
    }
  }, 60_000);
});
