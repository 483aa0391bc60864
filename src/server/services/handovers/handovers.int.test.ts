import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember } from "@/test/factories";

const database = useTestDatabase();
const DAY = 86_400_000;
const notFound = { code: "NOT_FOUND" };
const conflict = { code: "CONFLICT" };

/**
 * A director (admin, top person) with two EMs; an engineer and their peer
 * report to the first EM, who holds a 1:1 with the engineer (a talking point
 * discussed in it, an open action, a growth goal, a shared and a private
 * note), delegates a task (with a level change) and controls the engineer's
 * target (a metric with check-ins). Then the director moves the engineer to
 * the second EM.
 */
async function org() {
  const db = database.current.db;
  const director = await createUser(db, { name: "Dana Director" });
  const person = (name: string, managerId: string | null, track: "manager" | "ic" = "manager") =>
    director.caller.people.create({ name, track, level: track === "manager" ? "em" : "senior", managerId, cadence: "weekly" });
  const oldPerson = await person("Olive Old", null);
  const newPerson = await person("Nora New", null);
  const engPerson = await person("Sam Engineer", oldPerson.id, "ic");
  const peerPerson = await person("Pete Peer", oldPerson.id, "ic");
  const [oldEm, newEm, eng, peer] = [
    await joinAsMember(db, director, oldPerson.id),
    await joinAsMember(db, director, newPerson.id),
    await joinAsMember(db, director, engPerson.id),
    await joinAsMember(db, director, peerPerson.id),
  ];

  const held = await oldEm.caller.oneOnOnes.schedule({ past: true, personId: engPerson.id, scheduledAt: new Date(Date.now() - 2 * DAY) });
  const point = await oldEm.caller.oneOnOnes.addPoint({ personId: engPerson.id, topic: "growth", body: "Talk about the staff promotion" });
  await oldEm.caller.oneOnOnes.setDiscussed({ id: point.id, oneOnOneId: held.id });
  const open = await oldEm.caller.oneOnOnes.addPoint({ personId: engPerson.id, topic: "team", body: "Still open: the on-call rota" });
  const goal = await oldEm.caller.oneOnOnes.addGoal({ personId: engPerson.id, title: "Lead the migration" });
  const shared = await oldEm.caller.oneOnOnes.addNote({
    personId: engPerson.id,
    oneOnOneId: held.id,
    goalId: goal.id,
    kind: "praise",
    body: "Shared: a great demo",
  });
  const hidden = await oldEm.caller.oneOnOnes.addNote({
    personId: engPerson.id,
    oneOnOneId: held.id,
    kind: "observation",
    body: "Private: seems tired",
    private: true,
  });
  const action = await oldEm.caller.oneOnOnes.addAction({
    personId: engPerson.id,
    oneOnOneId: held.id,
    assignee: "them",
    title: "Write the RFC",
  });
  await oldEm.caller.oneOnOnes.hold({ id: held.id, heldAt: new Date(Date.now() - 2 * DAY) });

  const task = await oldEm.caller.delegation.createTask({
    personId: engPerson.id,
    title: "Own the cache rollout",
    competency: 4,
    criticality: 2,
  });
  const spectrum = await oldEm.caller.delegation.activeSpectrum();
  const otherLevel = spectrum.levels.find((l) => l.id !== task.levelId)!;
  await oldEm.caller.delegation.setLevel({ id: task.id, levelId: otherLevel.id, reason: "Ran the last one" });

  const target = await oldEm.caller.targets.create({
    title: "Checkout p99 under 300 ms",
    kind: "speed",
    ownerIds: [engPerson.id],
    startDate: "2026-01-01",
    dueDate: "2027-12-31",
  });
  const metric = await oldEm.caller.targets.addMetric({
    targetId: target.id,
    name: "p99",
    unit: "ms",
    direction: "lower",
    baseline: 500,
    goal: 300,
  });
  for (const [days, value] of [
    [20, 480],
    [10, 420],
    [1, 390],
  ] as const) {
    await oldEm.caller.targets.addCheckIn({ metricId: metric.id, value, at: new Date(Date.now() - days * DAY) });
  }

  const move = async () => {
    const { person: current } = await director.caller.people.get({ id: engPerson.id });
    await director.caller.people.update({
      id: engPerson.id,
      version: current.version,
      name: current.name,
      track: "ic",
      level: "senior",
      managerId: newPerson.id,
      cadence: "weekly",
    });
  };
  return {
    director,
    oldEm,
    newEm,
    eng,
    peer,
    oldPerson,
    newPerson,
    engPerson,
    peerPerson,
    held,
    point,
    open,
    goal,
    shared,
    hidden,
    action,
    task,
    target,
    metric,
    move,
  };
}

describe("hand-over when a manager changes", () => {
  it("records the move, and the new manager's page carries the shared history over, private notes left out", async () => {
    const w = await org();
    // Before the move there is no hand-over to read.
    await expect(w.newEm.caller.handovers.page({ personId: w.engPerson.id })).rejects.toMatchObject(notFound);
    expect(await w.oldEm.caller.handovers.latest({ personId: w.engPerson.id })).toBeNull();
    await w.move();

    const latest = await w.newEm.caller.handovers.latest({ personId: w.engPerson.id });
    expect(latest).toMatchObject({ fromName: "Olive Old", toName: "Nora New", viewer: "to" });

    const page = await w.newEm.caller.handovers.page({ personId: w.engPerson.id });
    expect(page.handover).toMatchObject({ fromPersonId: w.oldPerson.id, toPersonId: w.newPerson.id, viewer: "to" });
    expect(page.canWriteNote).toBe(false);
    expect(page.note).toBeNull();
    expect(page.targets.map((t) => t.id)).toEqual([w.target.id]);
    expect(page.targets[0]!.metrics[0]!.trend.map((p) => p.value)).toEqual([480, 420, 390]);
    expect(page.goals.map((g) => g.id)).toEqual([w.goal.id]);
    expect(page.notes.map((n) => n.id)).toEqual([w.shared.id]);
    expect(page.notes[0]!.authorName).toBe("Olive Old");
    expect(page.tasks.map((t) => [t.id, t.levelLabel, t.delegatorName])).toEqual([[w.task.id, expect.any(String), "Olive Old"]]);
    expect(page.tasks[0]!.history.map((h) => h.reason)).toContain("Ran the last one");
    expect([...page.actions.mine, ...page.actions.theirs].map((a) => a.id)).toEqual([w.action.id]);
    expect(page.agenda.map((p) => p.id)).toEqual([w.open.id]);
    expect(page.meetings.map((m) => [m.id, m.holderName, m.points.map((p) => p.id)])).toEqual([[w.held.id, "Olive Old", [w.point.id]]]);
    expect(JSON.stringify(page)).not.toContain(w.hidden.body);
    expect(JSON.stringify(page)).not.toContain(w.hidden.id);

    // Home tells the new manager.
    const home = await w.newEm.caller.home.summary();
    expect(home.handovers.map((h) => [h.personName, h.fromName, h.hasNote])).toEqual([["Sam Engineer", "Olive Old", false]]);
    expect((await w.oldEm.caller.home.summary()).handovers).toEqual([]);
  });

  it("the old manager reads what they held and writes the note; the new one reads it; stale saves conflict", async () => {
    const w = await org();
    await w.move();
    const old = await w.oldEm.caller.handovers.page({ personId: w.engPerson.id });
    expect(old.handover.viewer).toBe("from");
    expect(old.canWriteNote).toBe(true);
    // Their own 1:1 with its points, their shared note and the task they delegate; never a private note, theirs included.
    expect(old.meetings.map((m) => m.id)).toEqual([w.held.id]);
    expect(old.notes.map((n) => n.id)).toEqual([w.shared.id]);
    expect(old.tasks.map((t) => t.id)).toEqual([w.task.id]);
    expect(JSON.stringify(old)).not.toContain(w.hidden.body);

    const first = await w.oldEm.caller.handovers.saveNote({ handoverId: old.handover.id, body: "Sam is ready for staff.", version: 0 });
    expect(first.version).toBe(1);
    // A second "first save" (another tab) and a save from a stale version conflict.
    await expect(w.oldEm.caller.handovers.saveNote({ handoverId: old.handover.id, body: "Other tab", version: 0 })).rejects.toMatchObject(
      conflict,
    );
    const second = await w.oldEm.caller.handovers.saveNote({
      handoverId: old.handover.id,
      body: "Sam is ready for staff. Push.",
      version: 1,
    });
    expect(second.version).toBe(2);
    await expect(w.oldEm.caller.handovers.saveNote({ handoverId: old.handover.id, body: "Stale", version: 1 })).rejects.toMatchObject(
      conflict,
    );
    // Bad input is a field error, not a 500.
    await expect(w.oldEm.caller.handovers.saveNote({ handoverId: old.handover.id, body: "   ", version: 2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const page = await w.newEm.caller.handovers.page({ personId: w.engPerson.id });
    expect(page.note?.body).toBe("Sam is ready for staff. Push.");
    expect((await w.newEm.caller.home.summary()).handovers[0]!.hasNote).toBe(true);
    // Only its author, the old manager, writes it.
    await expect(w.newEm.caller.handovers.saveNote({ handoverId: old.handover.id, body: "Mine", version: 2 })).rejects.toMatchObject(
      notFound,
    );
    await expect(w.director.caller.handovers.saveNote({ handoverId: old.handover.id, body: "Mine", version: 2 })).rejects.toMatchObject(
      notFound,
    );
  });

  it("the line above the new manager reads the page without the 1:1s or the note; the person, a peer and others get NOT_FOUND", async () => {
    const w = await org();
    await w.move();
    const old = await w.oldEm.caller.handovers.page({ personId: w.engPerson.id });
    await w.oldEm.caller.handovers.saveNote({ handoverId: old.handover.id, body: "For Nora only", version: 0 });

    const line = await w.director.caller.handovers.page({ personId: w.engPerson.id });
    expect(line.handover.viewer).toBe("line");
    expect(line.note).toBeNull();
    expect(line.targets.map((t) => t.id)).toEqual([w.target.id]);
    expect(line.tasks.map((t) => t.id)).toEqual([w.task.id]);
    expect(line.meetings).toEqual([]);
    expect(line.notes).toEqual([]);
    expect(line.goals).toEqual([]);
    expect(line.agenda).toEqual([]);
    expect(JSON.stringify(line)).not.toContain("For Nora only");

    for (const who of [w.eng, w.peer]) {
      await expect(who.caller.handovers.page({ personId: w.engPerson.id })).rejects.toMatchObject(notFound);
      expect(await who.caller.handovers.latest({ personId: w.engPerson.id })).toBeNull();
      await expect(who.caller.handovers.saveNote({ handoverId: old.handover.id, body: "x", version: 1 })).rejects.toMatchObject(notFound);
    }
    // Another organisation: the person is not there at all.
    const stranger = await createUser(database.current.db);
    await expect(stranger.caller.handovers.latest({ personId: w.engPerson.id })).rejects.toMatchObject(notFound);
    await expect(stranger.caller.handovers.page({ personId: w.engPerson.id })).rejects.toMatchObject(notFound);
  });

  it("archiving a manager hands each of their reports over to whoever they move to", async () => {
    const w = await org();
    await w.director.caller.people.archive({ id: w.oldPerson.id, reportsGoTo: w.newPerson.id });
    for (const personId of [w.engPerson.id, w.peerPerson.id]) {
      expect(await w.newEm.caller.handovers.latest({ personId })).toMatchObject({
        fromPersonId: w.oldPerson.id,
        toPersonId: w.newPerson.id,
      });
    }
    expect((await w.newEm.caller.home.summary()).handovers.map((h) => h.personName).sort()).toEqual(["Pete Peer", "Sam Engineer"]);
  });

  it("the export carries hand-overs for an admin in the line, and the note only to the two managers", async () => {
    const w = await org();
    await w.move();
    const old = await w.oldEm.caller.handovers.page({ personId: w.engPerson.id });
    await w.oldEm.caller.handovers.saveNote({ handoverId: old.handover.id, body: "For Nora only", version: 0 });
    const file = await w.director.caller.account.export({ includePrivate: true });
    expect(file.tables.handovers!.map((h) => [h.personId, h.fromPersonId, h.toPersonId])).toEqual([
      [w.engPerson.id, w.oldPerson.id, w.newPerson.id],
    ]);
    // The director is above the new manager: the page, not the note (an export is no back door).
    expect(file.tables.handover_notes).toEqual([]);
    // A member's own export holds their own data only.
    expect((await w.newEm.caller.account.export({ includePrivate: true })).tables.handovers).toEqual([]);
  });

  it("an edit that keeps the manager records no hand-over", async () => {
    const w = await org();
    const { person: current } = await w.director.caller.people.get({ id: w.engPerson.id });
    await w.director.caller.people.update({
      id: w.engPerson.id,
      version: current.version,
      name: "Sam Renamed",
      track: "ic",
      level: "senior",
      managerId: w.oldPerson.id,
      cadence: "weekly",
    });
    expect(await w.director.caller.handovers.latest({ personId: w.engPerson.id })).toBeNull();
  });
});
