import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { talkingPoints } from "@/server/db/schema";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember } from "@/test/factories";

// The shared 1:1 (issue #17, part 1): a director and the staff engineer who
// reports to her, both signed in, each through their own tRPC caller. Both add
// talking points and the agenda says who added each; each ticks their own
// actions; both write shared and private notes; the report has a prep page of
// their own and the manager's shows what the report added; after a 1:1 is
// held, both are offered the next one at the cadence.

const database = useTestDatabase();
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const notFound = { code: "NOT_FOUND" };

async function pair() {
  const db = database.current.db;
  const director = await createUser(db, { name: "Dana Director" });
  const sofiaPerson = await director.caller.people.create({
    name: "Sofia Staff",
    track: "ic",
    level: "staff",
    managerId: director.actor.personId,
    cadence: "weekly",
  });
  const otherPerson = await director.caller.people.create({
    name: "Omar Other",
    track: "ic",
    level: "senior",
    managerId: director.actor.personId,
    cadence: "weekly",
  });
  const sofia = await joinAsMember(db, director, sofiaPerson.id, { name: "Sofia Staff" });
  const omar = await joinAsMember(db, director, otherPerson.id, { name: "Omar Other" });
  return { director, sofia, omar, sofiaPerson, otherPerson, d: director.caller, s: sofia.caller };
}

describe("the shared 1:1", () => {
  it("both add talking points at any time, and the agenda shows who added each", async () => {
    const w = await pair();
    const meeting = await w.d.oneOnOnes.schedule({ personId: w.sofiaPerson.id, scheduledAt: new Date(Date.now() + DAY) });
    const hers = await w.s.oneOnOnes.addPoint({ personId: w.sofiaPerson.id, topic: "growth", body: "Staff promo case" });
    // The report's point is always "theirs" from the manager's side, whatever the form sends.
    const sneaky = await w.s.oneOnOnes.addPoint({ personId: w.sofiaPerson.id, topic: "team", body: "Hiring plan", raisedBy: "me" });
    const his = await w.d.oneOnOnes.addPoint({ personId: w.sofiaPerson.id, topic: "targets", body: "Checkout latency" });
    expect([hers.authorPersonId, sneaky.raisedBy, his.authorPersonId]).toEqual([w.sofiaPerson.id, "them", w.director.actor.personId]);

    const seenBySofia = await w.s.oneOnOnes.get({ id: meeting.id });
    expect(seenBySofia.viewer).toBe("report");
    expect(seenBySofia.agenda.map((p) => [p.body, p.author?.label, p.mayChange])).toEqual([
      ["Checkout latency", "Dana", false],
      ["Staff promo case", "You", true],
      ["Hiring plan", "You", true],
    ]);
    const seenByDana = await w.d.oneOnOnes.get({ id: meeting.id });
    expect(seenByDana.agenda.map((p) => [p.body, p.author?.label, p.mayChange])).toEqual([
      ["Checkout latency", "You", true],
      ["Staff promo case", "Sofia", true],
      ["Hiring plan", "Sofia", true],
    ]);
    expect((await w.d.oneOnOnes.forPerson({ personId: w.sofiaPerson.id })).agenda.map((p) => p.author?.label)).toEqual([
      "You",
      "Sofia",
      "Sofia",
    ]);

    // The report changes the points she added, never the manager's: his is NOT_FOUND to her, as a missing id.
    await w.s.oneOnOnes.updatePoint({ id: hers.id, version: hers.version, topic: "growth", body: "Staff promo case, v2" });
    await expect(
      w.s.oneOnOnes.updatePoint({ id: his.id, version: his.version, topic: "targets", body: "Changed by Sofia" }),
    ).rejects.toMatchObject(notFound);
    await expect(w.s.oneOnOnes.deletePoint({ id: his.id })).rejects.toMatchObject(notFound);
    await w.s.oneOnOnes.setDiscussed({ id: sneaky.id, oneOnOneId: meeting.id });
    await w.s.oneOnOnes.deletePoint({ id: sneaky.id });
    // Nobody else adds to her agenda: another report of the same manager, on Sofia's behalf.
    await expect(w.omar.caller.oneOnOnes.addPoint({ personId: w.sofiaPerson.id, topic: "team", body: "Nope" })).rejects.toMatchObject(
      notFound,
    );
    // The report's writes are on her own 1:1s only, and she books nothing for someone else.
    await expect(w.s.oneOnOnes.addPoint({ personId: w.otherPerson.id, topic: "team", body: "Nope" })).rejects.toMatchObject(notFound);
    await expect(w.s.oneOnOnes.schedule({ personId: w.otherPerson.id, scheduledAt: new Date(Date.now() + DAY) })).rejects.toMatchObject(
      notFound,
    );
    const after = await w.d.oneOnOnes.get({ id: meeting.id });
    expect(after.agenda.map((p) => p.body).sort()).toEqual(["Checkout latency", "Staff promo case, v2"]);
  });

  it("points from before authors were kept are the manager's, on every page and for both", async () => {
    const w = await pair();
    const meeting = await w.d.oneOnOnes.schedule({ personId: w.sofiaPerson.id, scheduledAt: new Date(Date.now() + DAY) });
    await database.current.db
      .insert(talkingPoints)
      .values({ orgId: w.director.actor.orgId, personId: w.sofiaPerson.id, topic: "other", body: "Legacy point", raisedBy: "them" });
    const labels = (agenda: { body: string; author: { label: string } | null; mayChange: boolean }[]) =>
      agenda.map((p) => [p.body, p.author?.label, p.mayChange]);
    expect(labels((await w.s.oneOnOnes.get({ id: meeting.id })).agenda)).toEqual([["Legacy point", "Dana", false]]);
    expect(labels((await w.s.oneOnOnes.forPerson({ personId: w.sofiaPerson.id })).agenda)).toEqual([["Legacy point", "Dana", false]]);
    expect(labels((await w.s.oneOnOnes.myPrep()).agenda)).toEqual([["Legacy point", "Dana", false]]);
    expect(labels((await w.d.oneOnOnes.get({ id: meeting.id })).agenda)).toEqual([["Legacy point", "You", true]]);
    expect(labels((await w.d.oneOnOnes.prep({ personId: w.sofiaPerson.id })).agenda)).toEqual([["Legacy point", "You", true]]);
    // The report opening the manager's prep page for herself reads it as the report, not as the one who changes it.
    const own = await w.s.oneOnOnes.prep({ personId: w.sofiaPerson.id });
    expect(own.viewer).toBe("report");
    expect(own.agenda.map((p) => p.mayChange)).toEqual([false]);
    // Not hers to change, though she sees it.
    const [legacy] = own.agenda;
    await expect(w.s.oneOnOnes.deletePoint({ id: legacy!.id })).rejects.toMatchObject(notFound);
  });

  it("both see the actions; each ticks their own, and the report never ticks the manager's", async () => {
    const w = await pair();
    const meeting = await w.d.oneOnOnes.schedule({ personId: w.sofiaPerson.id, scheduledAt: new Date() });
    const hers = await w.d.oneOnOnes.addAction({
      personId: w.sofiaPerson.id,
      oneOnOneId: meeting.id,
      assignee: "them",
      title: "Write the RFC",
    });
    const his = await w.d.oneOnOnes.addAction({
      personId: w.sofiaPerson.id,
      oneOnOneId: meeting.id,
      assignee: "me",
      title: "Ask for budget",
    });

    const seen = await w.s.oneOnOnes.get({ id: meeting.id });
    expect(seen.actions.theirs.map((a) => [a.title, a.mayTick])).toEqual([["Write the RFC", true]]);
    expect(seen.actions.mine.map((a) => [a.title, a.mayTick])).toEqual([["Ask for budget", false]]);

    await expect(w.s.oneOnOnes.setActionDone({ id: his.id, done: true })).rejects.toMatchObject(notFound);
    // Actions are set by the manager: the report ticks hers, and changes nothing else about them.
    await expect(
      w.s.oneOnOnes.updateAction({ id: hers.id, version: hers.version, assignee: "them", title: "Renamed" }),
    ).rejects.toMatchObject(notFound);
    await expect(w.s.oneOnOnes.deleteAction({ id: hers.id })).rejects.toMatchObject(notFound);
    await expect(w.s.oneOnOnes.addAction({ personId: w.sofiaPerson.id, assignee: "me", title: "Nope" })).rejects.toMatchObject(notFound);

    // Both tick at once: nothing is lost.
    const [a, b] = await Promise.all([
      w.s.oneOnOnes.setActionDone({ id: hers.id, done: true }),
      w.d.oneOnOnes.setActionDone({ id: his.id, done: true }),
    ]);
    expect([a.doneAt, b.doneAt].every(Boolean)).toBe(true);
    const done = await w.d.oneOnOnes.get({ id: meeting.id });
    expect(done.doneHere.map((x) => x.title).sort()).toEqual(["Ask for budget", "Write the RFC"]);
    expect(done.actions.mine.length + done.actions.theirs.length).toBe(0);
    // Undone by her, too.
    expect((await w.s.oneOnOnes.setActionDone({ id: hers.id, done: false })).doneAt).toBeNull();
  });

  it("two people adding points at once lose nothing; two edits from the same version: one wins, the other is a conflict", async () => {
    const w = await pair();
    const bodies = (who: string) => Array.from({ length: 6 }, (_, i) => `${who} point ${i}`);
    await Promise.all([
      ...bodies("Sofia").map((body) => w.s.oneOnOnes.addPoint({ personId: w.sofiaPerson.id, topic: "other", body })),
      ...bodies("Dana").map((body) => w.d.oneOnOnes.addPoint({ personId: w.sofiaPerson.id, topic: "other", body })),
    ]);
    const agenda = (await w.s.oneOnOnes.forPerson({ personId: w.sofiaPerson.id })).agenda;
    expect(agenda.map((p) => p.body).sort()).toEqual([...bodies("Dana"), ...bodies("Sofia")].sort());

    const point = agenda.find((p) => p.body === "Sofia point 0")!;
    const results = await Promise.allSettled([
      w.s.oneOnOnes.updatePoint({ id: point.id, version: point.version, topic: "other", body: "Sofia's edit" }),
      w.d.oneOnOnes.updatePoint({ id: point.id, version: point.version, topic: "other", body: "Dana's edit" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT"]);
  });

  it("both write shared notes and their own private notes; the report changes only the notes she wrote", async () => {
    const w = await pair();
    const meeting = await w.d.oneOnOnes.schedule({ personId: w.sofiaPerson.id, scheduledAt: new Date() });
    const goal = await w.d.oneOnOnes.addGoal({ personId: w.sofiaPerson.id, title: "Lead the platform RFC" });
    const hisShared = await w.d.oneOnOnes.addNote({
      personId: w.sofiaPerson.id,
      oneOnOneId: meeting.id,
      kind: "praise",
      body: "Dana: great demo",
    });
    const hisPrivate = await w.d.oneOnOnes.addNote({
      personId: w.sofiaPerson.id,
      oneOnOneId: meeting.id,
      kind: "observation",
      body: "Dana private: seems tired",
      private: true,
    });
    const herShared = await w.s.oneOnOnes.addNote({
      personId: w.sofiaPerson.id,
      oneOnOneId: meeting.id,
      kind: "coaching",
      body: "Sofia: I'd like more design reviews",
      goalId: goal.id,
    });
    const herPrivate = await w.s.oneOnOnes.addNote({
      personId: w.sofiaPerson.id,
      oneOnOneId: meeting.id,
      kind: "observation",
      body: "Sofia private: ask about the staff ladder",
      private: true,
    });
    expect(herShared.authorPersonId).toBe(w.sofiaPerson.id);

    const forHer = await w.s.oneOnOnes.get({ id: meeting.id });
    expect(forHer.notes.map((n) => n.id).sort()).toEqual([hisShared.id, herShared.id, herPrivate.id].sort());
    const forHim = await w.d.oneOnOnes.get({ id: meeting.id });
    expect(forHim.notes.map((n) => n.id).sort()).toEqual([hisShared.id, hisPrivate.id, herShared.id].sort());
    // No admin override: the director is an admin, and still never reads her private note.
    await expect(w.d.oneOnOnes.note({ id: herPrivate.id })).rejects.toMatchObject(notFound);
    expect(JSON.stringify(await w.d.oneOnOnes.forPerson({ personId: w.sofiaPerson.id }))).not.toContain("Sofia private");
    expect(JSON.stringify(await w.d.oneOnOnes.prep({ personId: w.sofiaPerson.id }))).not.toContain("Sofia private");

    const edited = await w.s.oneOnOnes.updateNote({
      id: herShared.id,
      version: herShared.version,
      kind: "coaching",
      body: "Sofia: more design reviews, please",
      goalId: goal.id,
    });
    expect(edited.version).toBe(herShared.version + 1);
    await expect(
      w.s.oneOnOnes.updateNote({ id: hisShared.id, version: hisShared.version, kind: "praise", body: "Rewritten by Sofia" }),
    ).rejects.toMatchObject(notFound);
    await expect(w.s.oneOnOnes.deleteNote({ id: hisShared.id })).rejects.toMatchObject(notFound);
    // The manager does not change hers either: a note is its author's.
    await expect(w.d.oneOnOnes.deleteNote({ id: herShared.id })).rejects.toMatchObject(notFound);
    await w.s.oneOnOnes.deleteNote({ id: herPrivate.id });
    // Someone else's 1:1 is not hers to write in.
    const omars = await w.d.oneOnOnes.schedule({ personId: w.otherPerson.id, scheduledAt: new Date() });
    await expect(
      w.s.oneOnOnes.addNote({ personId: w.sofiaPerson.id, oneOnOneId: omars.id, kind: "coaching", body: "Wrong 1:1" }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|BAD_REQUEST/) });
  });

  it("the report's prep page: her targets' values, her levels, actions due and what her manager added since the last 1:1", async () => {
    const w = await pair();
    const target = await w.d.targets.create({
      title: "Checkout P99",
      kind: "speed",
      ownerIds: [w.sofiaPerson.id],
      startDate: isoDay(daysAgo(60)),
      dueDate: isoDay(new Date(Date.now() + 30 * DAY)),
    });
    const p99 = await w.d.targets.addMetric({ targetId: target.id, name: "P99", unit: "ms", direction: "lower", baseline: 500, goal: 200 });
    await w.d.targets.addCheckIn({ metricId: p99.id, value: 330, at: daysAgo(20) });
    const task = await w.d.delegation.createTask({ personId: w.sofiaPerson.id, title: "On-call rota", competency: 4, criticality: 2 });
    const old = await w.d.oneOnOnes.addPoint({ personId: w.sofiaPerson.id, topic: "team", body: "Before the last 1:1" });
    // Added ten days ago (the 1:1 below is held, backdated, a week ago).
    await database.current.db
      .update(talkingPoints)
      .set({ createdAt: daysAgo(10) })
      .where(eq(talkingPoints.id, old.id));
    const last = await w.d.oneOnOnes.schedule({ past: true, personId: w.sofiaPerson.id, scheduledAt: daysAgo(7) });
    await w.d.oneOnOnes.addAction({
      personId: w.sofiaPerson.id,
      oneOnOneId: last.id,
      assignee: "them",
      title: "Draft the RFC",
      dueDate: isoDay(daysAgo(1)),
    });
    await w.d.oneOnOnes.addAction({ personId: w.sofiaPerson.id, oneOnOneId: last.id, assignee: "me", title: "Book the review" });
    await w.d.oneOnOnes.hold({ id: last.id, heldAt: daysAgo(7) });
    await w.d.targets.addCheckIn({ metricId: p99.id, value: 420, at: daysAgo(2) });
    const spectrum = await w.d.delegation.activeSpectrum();
    await w.d.delegation.setLevel({ id: task.id, levelId: spectrum.levels[5]!.id, reason: "Ran the last two incidents" });
    const fresh = await w.d.oneOnOnes.addPoint({ personId: w.sofiaPerson.id, topic: "targets", body: "P99 is up again" });
    const mine = await w.s.oneOnOnes.addPoint({ personId: w.sofiaPerson.id, topic: "growth", body: "Staff promo case" });

    const prep = await w.s.oneOnOnes.myPrep();
    expect(prep.manager).toEqual({ id: w.director.actor.personId, name: "Dana Director" });
    expect(isoDay(prep.since!)).toBe(isoDay(daysAgo(7)));
    expect(prep.targets.map((t) => t.title)).toEqual(["Checkout P99"]);
    expect(prep.targets[0]!.metrics[0]).toMatchObject({
      then: { value: 330 },
      latest: { value: 420 },
      movement: { delta: 90, better: false },
    });
    // Newest first: the level set since, after the task was made.
    expect(prep.levelChanges[0]).toMatchObject({
      taskTitle: "On-call rota",
      toLabel: spectrum.levels[5]!.label,
      reason: "Ran the last two incidents",
    });
    expect(prep.tasks.map((t) => [t.title, t.level])).toEqual([["On-call rota", spectrum.levels[5]!.label]]);
    expect(prep.actions.yours).toMatchObject([{ title: "Draft the RFC", overdue: true, mayTick: true }]);
    expect(prep.actions.managers).toMatchObject([{ title: "Book the review", mayTick: false }]);
    // What her manager added since the last 1:1: the new point, not the one from before, nor hers.
    expect(prep.addedByManager.map((p) => p.id)).toEqual([fresh.id]);
    expect(prep.agenda.map((p) => p.id).sort()).toEqual([old.id, fresh.id, mine.id].sort());

    // The manager's prep page shows what she added since.
    const his = await w.d.oneOnOnes.prep({ personId: w.sofiaPerson.id });
    expect(his.addedByThem.map((p) => [p.body, p.author?.label])).toEqual([["Staff promo case", "Sofia"]]);

    // Someone with no manager has no 1:1 to prepare, and the page says so.
    const top = await w.d.oneOnOnes.myPrep();
    expect(top).toMatchObject({ manager: null, lastMeeting: null, nextMeeting: null, targets: [], agenda: [] });
  });

  it("once a 1:1 is held, both are offered the next one at the cadence; the report books it, once", async () => {
    const w = await pair();
    // An old booking never held (nor cancelled) does not count as the next one booked.
    await w.d.oneOnOnes.schedule({ past: true, personId: w.sofiaPerson.id, scheduledAt: daysAgo(10) });
    const meeting = await w.d.oneOnOnes.schedule({ past: true, personId: w.sofiaPerson.id, scheduledAt: daysAgo(1) });
    expect((await w.s.oneOnOnes.get({ id: meeting.id })).nextBooking).toBeNull();
    await w.d.oneOnOnes.hold({ id: meeting.id, heldAt: daysAgo(1) });

    // Weekly: due a week after the day it was held, for both.
    const dueDay = isoDay(new Date(daysAgo(1).getTime() + 7 * DAY));
    expect((await w.s.oneOnOnes.get({ id: meeting.id })).nextBooking).toEqual({ dueDay });
    expect((await w.d.oneOnOnes.get({ id: meeting.id })).nextBooking).toEqual({ dueDay });

    const booked = await w.s.oneOnOnes.schedule({ personId: w.sofiaPerson.id, scheduledAt: new Date(Date.now() + 6 * DAY) });
    expect(booked).toMatchObject({ personId: w.sofiaPerson.id, managerPersonId: w.director.actor.personId, status: "scheduled" });
    // Booked: the offer is gone for both, and a second booking ahead is the manager's to make.
    expect((await w.s.oneOnOnes.get({ id: meeting.id })).nextBooking).toBeNull();
    expect((await w.d.oneOnOnes.get({ id: meeting.id })).nextBooking).toBeNull();
    await expect(w.s.oneOnOnes.schedule({ personId: w.sofiaPerson.id, scheduledAt: new Date(Date.now() + 9 * DAY) })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
      },
    );
    // The manager sees it booked, and moves or cancels it; the report does not.
    expect((await w.d.oneOnOnes.forPerson({ personId: w.sofiaPerson.id })).upcoming.map((m) => m.id)).toContain(booked.id);
    await expect(w.s.oneOnOnes.cancel({ id: booked.id })).rejects.toMatchObject(notFound);
    await expect(w.s.oneOnOnes.hold({ id: booked.id })).rejects.toMatchObject(notFound);
    await w.d.oneOnOnes.reschedule({ id: booked.id, scheduledAt: new Date(Date.now() + 7 * DAY) });

    // Someone with no manager books no 1:1 with themself.
    await expect(w.d.oneOnOnes.schedule({ personId: w.director.actor.personId, scheduledAt: new Date() })).rejects.toMatchObject(notFound);
  });
});
