import { expect } from "vitest";
import type { TestUser } from "../factories";
import type { CaseTable } from "./types";

/** A's person with a 1:1, a talking point, an action, a goal and a note on it. */
async function aOneOnOne(a: TestUser) {
  const person = await a.caller.people.create({ name: "A's EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
  const meeting = await a.caller.oneOnOnes.schedule({ personId: person.id, scheduledAt: new Date(Date.now() + 86_400_000) });
  const point = await a.caller.oneOnOnes.addPoint({ personId: person.id, topic: "team", body: "A's secret point about hiring" });
  const action = await a.caller.oneOnOnes.addAction({ personId: person.id, oneOnOneId: meeting.id, assignee: "them", title: "A's action" });
  const goal = await a.caller.oneOnOnes.addGoal({ personId: person.id, title: "Run the org" });
  const note = await a.caller.oneOnOnes.addNote({
    personId: person.id,
    oneOnOneId: meeting.id,
    goalId: goal.id,
    kind: "coaching",
    body: "A's secret note about hiring",
  });
  return { person, meeting, point, action, goal, note };
}

const when = () => new Date(Date.now() + 2 * 86_400_000);

export const oneOnOneCases: CaseTable = {
  "oneOnOnes.overview": {
    kind: "self",
    why: "the caller's own people and their booked 1:1s",
    setup: async (a) => {
      const { meeting } = await aOneOnOne(a);
      const theirs = await a.caller.oneOnOnes.overview();
      expect(theirs.upcoming.map((m) => m.id)).toEqual([meeting.id]);
      expect(theirs.people).not.toEqual([]);
    },
    call: async (b) => {
      const mine = await b.people.create({ name: "B's EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
      const meeting = await b.oneOnOnes.schedule({ personId: mine.id, scheduledAt: when() });
      const overview = await b.oneOnOnes.overview();
      expect(overview.people.map((p) => p.id)).toEqual([mine.id]);
      expect(overview.upcoming.map((m) => m.id)).toEqual([meeting.id]);
    },
  },
  "oneOnOnes.search": {
    kind: "self",
    why: "searches the caller's own notes and points",
    setup: async (a) => {
      await aOneOnOne(a);
      const theirs = await a.caller.oneOnOnes.search({ query: "secret" });
      expect([theirs.notes.length, theirs.points.length]).toEqual([1, 1]);
    },
    call: async (b) => {
      const mine = await b.people.create({ name: "B's EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
      const point = await b.oneOnOnes.addPoint({ personId: mine.id, topic: "team", body: "B's secret point" });
      const found = await b.oneOnOnes.search({ query: "secret" });
      expect(found.notes).toEqual([]);
      expect(found.points.map((p) => p.id)).toEqual([point.id]);
    },
  },
  "oneOnOnes.forPerson": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aOneOnOne(a)).person.id }),
    call: (b, input) => b.oneOnOnes.forPerson(input),
  },
  "oneOnOnes.prep": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aOneOnOne(a)).person.id }),
    call: (b, input) => b.oneOnOnes.prep(input),
  },
  "oneOnOnes.get": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).meeting.id }),
    call: (b, input) => b.oneOnOnes.get(input),
  },
  "oneOnOnes.schedule": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aOneOnOne(a)).person.id, scheduledAt: when() }),
    call: (b, input) => b.oneOnOnes.schedule(input),
  },
  "oneOnOnes.reschedule": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).meeting.id, scheduledAt: when() }),
    call: (b, input) => b.oneOnOnes.reschedule(input),
  },
  "oneOnOnes.hold": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).meeting.id }),
    call: (b, input) => b.oneOnOnes.hold(input),
  },
  "oneOnOnes.cancel": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).meeting.id }),
    call: (b, input) => b.oneOnOnes.cancel(input),
  },
  "oneOnOnes.delete": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).meeting.id }),
    call: (b, input) => b.oneOnOnes.delete(input),
  },
  "oneOnOnes.addPoint": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aOneOnOne(a)).person.id, topic: "other", body: "B's point" }),
    call: (b, input) => b.oneOnOnes.addPoint(input),
  },
  "oneOnOnes.updatePoint": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).point.id, version: 1, topic: "other", body: "Changed by B" }),
    call: (b, input) => b.oneOnOnes.updatePoint(input),
  },
  "oneOnOnes.deletePoint": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).point.id }),
    call: (b, input) => b.oneOnOnes.deletePoint(input),
  },
  "oneOnOnes.setDiscussed": {
    kind: "ids",
    setup: async (a) => {
      const { point, meeting } = await aOneOnOne(a);
      return { id: point.id, oneOnOneId: meeting.id };
    },
    call: (b, input) => b.oneOnOnes.setDiscussed(input),
  },
  "oneOnOnes.addAction": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aOneOnOne(a)).person.id, assignee: "me", title: "B's action" }),
    call: (b, input) => b.oneOnOnes.addAction(input),
  },
  "oneOnOnes.updateAction": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).action.id, version: 1, assignee: "me", title: "Changed by B" }),
    call: (b, input) => b.oneOnOnes.updateAction(input),
  },
  "oneOnOnes.setActionDone": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).action.id, done: true }),
    call: (b, input) => b.oneOnOnes.setActionDone(input),
  },
  "oneOnOnes.deleteAction": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).action.id }),
    call: (b, input) => b.oneOnOnes.deleteAction(input),
  },
  "oneOnOnes.note": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).note.id }),
    call: (b, input) => b.oneOnOnes.note(input),
  },
  "oneOnOnes.addNote": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aOneOnOne(a)).person.id, kind: "observation", body: "B's note" }),
    call: (b, input) => b.oneOnOnes.addNote(input),
  },
  "oneOnOnes.updateNote": {
    kind: "ids",
    setup: async (a) => {
      const { note } = await aOneOnOne(a);
      return { id: note.id, version: note.version, kind: "coaching", body: "Overwritten by B" };
    },
    call: (b, input) => b.oneOnOnes.updateNote(input),
  },
  "oneOnOnes.deleteNote": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).note.id }),
    call: (b, input) => b.oneOnOnes.deleteNote(input),
  },
  "oneOnOnes.addGoal": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aOneOnOne(a)).person.id, title: "B's goal" }),
    call: (b, input) => b.oneOnOnes.addGoal(input),
  },
  "oneOnOnes.updateGoal": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).goal.id, version: 1, title: "Changed by B" }),
    call: (b, input) => b.oneOnOnes.updateGoal(input),
  },
  "oneOnOnes.deleteGoal": {
    kind: "ids",
    setup: async (a) => ({ id: (await aOneOnOne(a)).goal.id }),
    call: (b, input) => b.oneOnOnes.deleteGoal(input),
  },
};
