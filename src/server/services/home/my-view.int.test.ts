import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tasks } from "@/server/db/schema/index";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember } from "@/test/factories";

const database = useTestDatabase();
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

describe("the report's Home", () => {
  it("shows their next 1:1, the open actions on both sides, their targets and the levels held for their tasks", async () => {
    const db = database.current.db;
    const director = await createUser(db, { name: "Dana Director" });
    const em = await director.caller.people.create({ name: "Emma EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const engPerson = await director.caller.people.create({
      name: "Sam Engineer",
      track: "ic",
      level: "senior",
      managerId: em.id,
      cadence: "weekly",
    });
    const other = await director.caller.people.create({
      name: "Olly Other",
      track: "ic",
      level: "senior",
      managerId: em.id,
      cadence: "weekly",
    });
    const [emMember, eng] = [await joinAsMember(db, director, em.id), await joinAsMember(db, director, engPerson.id)];
    const m = emMember.caller;

    // The EM's side: a past 1:1, two booked ones (the earlier is "next"), actions, a private note, a target, two tasks.
    const past = await m.oneOnOnes.schedule({ past: true, personId: engPerson.id, scheduledAt: new Date(Date.now() - 7 * DAY) });
    await m.oneOnOnes.addAction({
      personId: engPerson.id,
      oneOnOneId: past.id,
      assignee: "them",
      title: "Write the RFC",
      dueDate: isoDay(new Date(Date.now() - DAY)),
    });
    await m.oneOnOnes.addAction({ personId: engPerson.id, oneOnOneId: past.id, assignee: "me", title: "Ask for budget" });
    const done = await m.oneOnOnes.addAction({ personId: engPerson.id, assignee: "them", title: "Already done" });
    await m.oneOnOnes.setActionDone({ id: done.id, done: true });
    await m.oneOnOnes.addNote({ personId: engPerson.id, oneOnOneId: past.id, kind: "observation", body: "Private", private: true });
    await m.oneOnOnes.hold({ id: past.id, heldAt: new Date(Date.now() - 7 * DAY) });
    const next = await m.oneOnOnes.schedule({ personId: engPerson.id, scheduledAt: new Date(Date.now() + 2 * DAY) });
    await m.oneOnOnes.schedule({ personId: engPerson.id, scheduledAt: new Date(Date.now() + 9 * DAY) });
    await m.oneOnOnes.schedule({ personId: other.id, scheduledAt: new Date(Date.now() + DAY) });
    await m.oneOnOnes.addAction({ personId: other.id, assignee: "them", title: "Someone else's" });
    const target = await m.targets.create({
      title: "Cut p95 latency",
      kind: "speed",
      ownerIds: [engPerson.id],
      startDate: "2026-01-01",
      dueDate: "2026-12-31",
    });
    await m.targets.create({ title: "Not theirs", kind: "speed", ownerIds: [other.id], startDate: "2026-01-01", dueDate: "2026-12-31" });
    const rota = await m.delegation.createTask({ personId: engPerson.id, title: "On-call rota", competency: 4, criticality: 2 });
    const release = await m.delegation.createTask({ personId: engPerson.id, title: "Release notes", competency: 2, criticality: 4 });
    await m.delegation.createTask({ personId: other.id, title: "Not theirs either", competency: 3, criticality: 3 });
    // Sharing the ratings is the delegator's choice (its screen is another branch's): set on the row here.
    await db.update(tasks).set({ ratingsShared: true }).where(eq(tasks.id, release.id));

    expect(await eng.caller.home.kind()).toEqual({ kind: "own", reports: 0 });
    expect(await emMember.caller.home.kind()).toEqual({ kind: "team", reports: 2 });
    expect((await director.caller.home.kind()).kind).toBe("team");

    const home = await eng.caller.home.mine();
    expect(home.manager).toEqual({ id: em.id, name: "Emma EM" });
    expect(home.nextOneOnOne).toMatchObject({ id: next.id, withName: "Emma EM" });
    expect(home.actions.yours).toMatchObject([{ title: "Write the RFC", overdue: true }]);
    expect(home.actions.theirs).toMatchObject([{ title: "Ask for budget", overdue: false }]);
    expect([home.actions.yoursCount, home.actions.theirsCount]).toEqual([1, 1]);
    expect(home.targets.map((t) => t.id)).toEqual([target.id]);
    expect(home.levels.map((t) => t.title)).toEqual(["On-call rota", "Release notes"]);
    const [rotaLevel, releaseLevel] = home.levels;
    expect(rotaLevel).toMatchObject({ id: rota.id, delegatorName: "Emma EM", ratings: null, since: isoDay(new Date()) });
    expect(rotaLevel!.level).toEqual(expect.any(String));
    expect(rotaLevel).not.toHaveProperty("competency");
    expect(releaseLevel!.ratings).toEqual({ competency: 2, criticality: 4 });
    // Nothing of the private note leaks into Home's answer.
    expect(JSON.stringify(home)).not.toContain("Private");
  });

  it("with no manager and nothing yet: empty, not an error", async () => {
    const db = database.current.db;
    const owner = await createUser(db);
    const home = await owner.caller.home.mine();
    expect(home).toMatchObject({ manager: null, nextOneOnOne: null, targets: [], levels: [] });
    expect(home.actions).toEqual({ yours: [], yoursCount: 0, theirs: [], theirsCount: 0 });
    // A top person with nobody under them yet (a new sign-up) lands on the manager's Home, with its first steps.
    expect(await owner.caller.home.kind()).toEqual({ kind: "team", reports: 0 });
  });
});
