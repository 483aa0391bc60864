import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember } from "@/test/factories";

const database = useTestDatabase();
const DAY = 86_400_000;

/**
 * A director (admin, top person) with an EM and a peer of the EM reporting to
 * them, and an engineer reporting to the EM; the EM, the engineer and the peer
 * have signed in. The EM runs a 1:1 with the engineer, with a shared note and
 * a private one.
 */
async function org() {
  const db = database.current.db;
  const director = await createUser(db, { name: "Dana Director" });
  const person = (name: string, managerId: string | null, track: "manager" | "ic" = "manager") =>
    director.caller.people.create({ name, track, level: track === "manager" ? "em" : "senior", managerId, cadence: "weekly" });
  const emPerson = await person("Emma EM", null);
  const peerPerson = await person("Pat Peer", null);
  const engPerson = await person("Sam Engineer", emPerson.id, "ic");
  const [em, eng, peer] = [
    await joinAsMember(db, director, emPerson.id),
    await joinAsMember(db, director, engPerson.id),
    await joinAsMember(db, director, peerPerson.id),
  ];

  const held = await em.caller.oneOnOnes.schedule({ past: true, personId: engPerson.id, scheduledAt: new Date(Date.now() - 2 * DAY) });
  const point = await em.caller.oneOnOnes.addPoint({
    personId: engPerson.id,
    topic: "team",
    body: "Secret roadmap worries",
    raisedBy: "them",
  });
  await em.caller.oneOnOnes.setDiscussed({ id: point.id, oneOnOneId: held.id });
  const goal = await em.caller.oneOnOnes.addGoal({ personId: engPerson.id, title: "Lead the migration" });
  const shared = await em.caller.oneOnOnes.addNote({
    personId: engPerson.id,
    oneOnOneId: held.id,
    kind: "coaching",
    body: "Secret shared: great demo",
    goalId: goal.id,
  });
  const hidden = await em.caller.oneOnOnes.addNote({
    personId: engPerson.id,
    oneOnOneId: held.id,
    kind: "observation",
    body: "Secret private: seems tired",
    private: true,
    goalId: goal.id,
  });
  const theirAction = await em.caller.oneOnOnes.addAction({
    personId: engPerson.id,
    oneOnOneId: held.id,
    assignee: "them",
    title: "Write the RFC",
  });
  const myAction = await em.caller.oneOnOnes.addAction({
    personId: engPerson.id,
    oneOnOneId: held.id,
    assignee: "me",
    title: "Ask for budget",
  });
  await em.caller.oneOnOnes.hold({ id: held.id, heldAt: new Date(Date.now() - 2 * DAY) });
  const next = await em.caller.oneOnOnes.schedule({ personId: engPerson.id, scheduledAt: new Date(Date.now() + 3 * DAY) });
  return { director, em, eng, peer, emPerson, engPerson, peerPerson, held, next, point, goal, shared, hidden, theirAction, myAction };
}

const notFound = { code: "NOT_FOUND" };

describe("1:1s from where each member stands", () => {
  it("the report sees their 1:1s, but never the manager's private note", async () => {
    const w = await org();
    const detail = await w.eng.caller.oneOnOnes.get({ id: w.held.id });
    expect(detail.viewer).toBe("report");
    expect(detail.holder).toEqual({ id: w.emPerson.id, name: "Emma EM" });
    expect(detail.notes.map((n) => n.id)).toEqual([w.shared.id]);
    expect(detail.discussed.map((p) => p.id)).toEqual([w.point.id]);
    expect([...detail.actions.mine, ...detail.actions.theirs].map((a) => a.title).sort()).toEqual(["Ask for budget", "Write the RFC"]);
    expect(detail.goals.map((g) => g.id)).toEqual([w.goal.id]);
    expect((await w.eng.caller.oneOnOnes.get({ id: w.next.id })).viewer).toBe("report");

    // The private note is nowhere: by id, in search, and not even in the goal's count.
    await expect(w.eng.caller.oneOnOnes.note({ id: w.hidden.id })).rejects.toMatchObject(notFound);
    const found = await w.eng.caller.oneOnOnes.search({ query: "secret" });
    expect(found.notes.map((n) => n.id)).toEqual([w.shared.id]);
    // Their own 1:1 page and prep open as the report's side, without the manager's private note.
    const ownPage = await w.eng.caller.oneOnOnes.forPerson({ personId: w.engPerson.id });
    expect(ownPage.viewer).toBe("report");
    expect(JSON.stringify(ownPage)).not.toContain(w.hidden.body);
    expect(JSON.stringify(await w.eng.caller.oneOnOnes.prep({ personId: w.engPerson.id }))).not.toContain(w.hidden.body);

    // The report writes their side (shared-one-on-one.int.test.ts), never the manager's: the meeting, the manager's action and note.
    await expect(w.eng.caller.oneOnOnes.setActionDone({ id: w.myAction.id, done: true })).rejects.toMatchObject(notFound);
    await expect(w.eng.caller.oneOnOnes.cancel({ id: w.next.id })).rejects.toMatchObject(notFound);
    await expect(w.eng.caller.oneOnOnes.deleteNote({ id: w.shared.id })).rejects.toMatchObject(notFound);

    // The EM, the author, still reads both, and the goal counts both for them.
    const own = await w.em.caller.oneOnOnes.get({ id: w.held.id });
    expect(own.viewer).toBe("manager");
    expect(own.notes.map((n) => n.id).sort()).toEqual([w.shared.id, w.hidden.id].sort());
    const page = await w.em.caller.oneOnOnes.forPerson({ personId: w.engPerson.id });
    expect(page.goals.map((g) => g.notes)).toEqual([2]);
    expect(detail.goals).toHaveLength(1);
  });

  it("a peer, or anyone outside the 1:1, gets NOT_FOUND for someone else's 1:1", async () => {
    const w = await org();
    await expect(w.peer.caller.oneOnOnes.get({ id: w.held.id })).rejects.toMatchObject(notFound);
    await expect(w.peer.caller.oneOnOnes.forPerson({ personId: w.engPerson.id })).rejects.toMatchObject(notFound);
    await expect(w.peer.caller.oneOnOnes.prep({ personId: w.engPerson.id })).rejects.toMatchObject(notFound);
    await expect(w.peer.caller.oneOnOnes.note({ id: w.shared.id })).rejects.toMatchObject(notFound);
    await expect(w.peer.caller.oneOnOnes.hold({ id: w.next.id })).rejects.toMatchObject(notFound);
    await expect(w.peer.caller.oneOnOnes.schedule({ personId: w.engPerson.id, scheduledAt: new Date() })).rejects.toMatchObject(notFound);
    expect(await w.peer.caller.oneOnOnes.search({ query: "secret" })).toEqual({ notes: [], points: [], nextCursor: null });
    expect((await w.peer.caller.oneOnOnes.overview()).people).toEqual([]);
  });

  it("a skip-level (here also the admin) sees the person but none of the 1:1 content, and cannot write it", async () => {
    const w = await org();
    const d = w.director.caller;
    expect((await d.people.get({ id: w.engPerson.id })).person.name).toBe("Sam Engineer");
    await expect(d.oneOnOnes.get({ id: w.held.id })).rejects.toMatchObject(notFound);
    await expect(d.oneOnOnes.forPerson({ personId: w.engPerson.id })).rejects.toMatchObject(notFound);
    await expect(d.oneOnOnes.prep({ personId: w.engPerson.id })).rejects.toMatchObject(notFound);
    await expect(d.oneOnOnes.note({ id: w.hidden.id })).rejects.toMatchObject(notFound);
    await expect(d.oneOnOnes.note({ id: w.shared.id })).rejects.toMatchObject(notFound);
    await expect(d.oneOnOnes.schedule({ personId: w.engPerson.id, scheduledAt: new Date() })).rejects.toMatchObject(notFound);
    await expect(d.oneOnOnes.addAction({ personId: w.engPerson.id, assignee: "me", title: "Nope" })).rejects.toMatchObject(notFound);
    await expect(d.oneOnOnes.deleteAction({ id: w.myAction.id })).rejects.toMatchObject(notFound);
    expect(await d.oneOnOnes.search({ query: "secret" })).toEqual({ notes: [], points: [], nextCursor: null });
    // The director's own overview lists their direct reports, not the engineer below the EM.
    expect((await d.oneOnOnes.overview()).people.map((p) => p.name)).toEqual(["Emma EM", "Pat Peer"]);
    expect((await w.em.caller.oneOnOnes.overview()).people.map((p) => p.name)).toEqual(["Sam Engineer"]);
  });

  it("when the line changes, the new manager inherits the shared history and the old one still reads the 1:1s they held", async () => {
    const w = await org();
    const { person: current } = await w.director.caller.people.get({ id: w.engPerson.id });
    await w.director.caller.people.update({
      id: w.engPerson.id,
      version: current.version,
      name: current.name,
      track: "ic",
      level: "senior",
      managerId: w.peerPerson.id,
      cadence: "weekly",
    });

    // The new manager: the 1:1s, the shared note, the goal and the open actions; never the old manager's private note.
    const page = await w.peer.caller.oneOnOnes.forPerson({ personId: w.engPerson.id });
    expect(page.viewer).toBe("manager");
    expect(page.upcoming.map((m) => m.id)).toEqual([w.next.id]);
    expect((await w.peer.caller.oneOnOnes.history({ personId: w.engPerson.id })).items.map((m) => m.id)).toEqual([w.held.id]);
    expect(page.notes.map((n) => n.id)).toEqual([w.shared.id]);
    expect(page.goals.map((g) => [g.id, g.notes])).toEqual([[w.goal.id, 1]]);
    expect([...page.actions.mine, ...page.actions.theirs].map((a) => a.id).sort()).toEqual([w.theirAction.id, w.myAction.id].sort());
    expect((await w.peer.caller.oneOnOnes.overview()).people.map((p) => p.name)).toEqual(["Sam Engineer"]);
    await expect(w.peer.caller.oneOnOnes.note({ id: w.hidden.id })).rejects.toMatchObject(notFound);
    // They carry on: the 1:1 the old manager booked is theirs to hold.
    const held = await w.peer.caller.oneOnOnes.hold({ id: w.next.id });
    expect(held.managerPersonId).toBe(w.peerPerson.id);
    expect((await w.peer.caller.oneOnOnes.prep({ personId: w.engPerson.id })).person.id).toBe(w.engPerson.id);

    // The old manager: reads the 1:1 they held, with their own private note, but writes nothing more.
    const old = await w.em.caller.oneOnOnes.get({ id: w.held.id });
    expect(old.viewer).toBe("former");
    expect(old.notes.map((n) => n.id).sort()).toEqual([w.shared.id, w.hidden.id].sort());
    expect((await w.em.caller.oneOnOnes.forPerson({ personId: w.engPerson.id })).viewer).toBe("former");
    await expect(w.em.caller.oneOnOnes.get({ id: w.next.id })).rejects.toMatchObject(notFound);
    await expect(w.em.caller.oneOnOnes.prep({ personId: w.engPerson.id })).rejects.toMatchObject(notFound);
    await expect(w.em.caller.oneOnOnes.schedule({ personId: w.engPerson.id, scheduledAt: new Date() })).rejects.toMatchObject(notFound);
    await expect(w.em.caller.oneOnOnes.addPoint({ personId: w.engPerson.id, topic: "team", body: "Late" })).rejects.toMatchObject(notFound);
    await expect(w.em.caller.oneOnOnes.delete({ id: w.held.id })).rejects.toMatchObject(notFound);
    // Their 1:1s page lists no direct report, and offers the person they held 1:1s with, under "others".
    const oldOverview = await w.em.caller.oneOnOnes.overview();
    expect(oldOverview.people).toEqual([]);
    expect((await w.em.caller.oneOnOnes.others({})).items.map((p) => [p.name, p.held])).toEqual([["Sam Engineer", 1]]);
    // The old manager's history of Sam: the 1:1 they held, not the one booked for the new manager.
    expect((await w.em.caller.oneOnOnes.history({ personId: w.engPerson.id })).items.map((m) => m.id)).toEqual([w.held.id]);
    // The new manager has Sam among the direct reports, not among the others.
    expect((await w.peer.caller.oneOnOnes.others({})).items).toEqual([]);
  });
});
