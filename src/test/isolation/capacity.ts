import { expect } from "vitest";
import type { TestUser } from "../factories";
import type { Caller, CaseTable } from "./types";
import { weekStartOf } from "@/lib/energy/week";

const today = () => new Date().toISOString().slice(0, 10);
const thisWeek = () => weekStartOf(today());

/** A's energy entry for yesterday (today's day in any time zone may differ) and a planned item. */
async function aEnergy(a: TestUser) {
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const entry = await a.caller.energy.log({ day, slot: "start", level: 3, tags: ["incidents"], note: "A's secret" });
  await a.caller.energy.setProductiveHours({ day, hours: 5 });
  await a.caller.energy.saveReview({ weekStart: weekStartOf(day), drains: "A's drains", version: 0 });
  const item = await a.caller.capacity.addItem({ weekStart: thisWeek(), title: "A's planning", hours: 10, recurring: true });
  await a.caller.capacity.saveSettings({
    weekStart: thisWeek(),
    availableHours: 30,
    deepWorkCapPerDay: 3,
    bufferPercent: 25,
    oneOnOneMinutes: 45,
    version: 0,
  });
  return { day, entry, item };
}

/** A weekly 1:1 last held a month ago: overdue now. */
async function metMonthAgo(caller: Caller, personId: string) {
  const monthAgo = new Date(Date.now() - 30 * 86_400_000);
  const meeting = await caller.oneOnOnes.schedule({ personId, scheduledAt: monthAgo });
  await caller.oneOnOnes.hold({ id: meeting.id, heldAt: monthAgo });
}

export const capacityCases: CaseTable = {
  "energy.week": {
    kind: "self",
    why: "the caller's own entries, answers and tags",
    setup: async (a) => {
      const prepared = await aEnergy(a);
      const theirs = await a.caller.energy.week({ weekStart: weekStartOf(prepared.day) });
      expect([theirs.entries.length, theirs.review === null, theirs.knownTags]).toEqual([1, false, ["incidents"]]);
      return prepared;
    },
    call: async (b, _b, a: { day: string }) => {
      const week = await b.energy.week({ weekStart: weekStartOf(a.day) });
      expect(week.entries).toEqual([]);
      expect(week.review).toBeNull();
      expect(week.knownTags).toEqual([]);
    },
  },
  "energy.log": {
    kind: "self",
    why: "logs into the caller's own day: the same day and slot as A's is free for B",
    setup: aEnergy,
    call: async (b, _b, a: { day: string }) =>
      expect((await b.energy.log({ day: a.day, slot: "start", level: 8, tags: [] })).level).toBe(8),
  },
  "energy.update": {
    kind: "ids",
    setup: async (a) => ({ id: (await aEnergy(a)).entry.id, level: 10, tags: [] }),
    call: (b, input) => b.energy.update(input),
  },
  "energy.delete": { kind: "ids", setup: async (a) => ({ id: (await aEnergy(a)).entry.id }), call: (b, input) => b.energy.delete(input) },
  "energy.setProductiveHours": {
    kind: "self",
    why: "sets the caller's own day",
    setup: aEnergy,
    call: async (b, _b, a: { day: string }) => b.energy.setProductiveHours({ day: a.day, hours: null }),
  },
  "energy.saveReview": {
    kind: "self",
    why: "saves the caller's own answers for a week",
    setup: aEnergy,
    call: async (b, _b, a: { day: string }) => b.energy.saveReview({ weekStart: weekStartOf(a.day), drains: "B's", version: 0 }),
  },
  "capacity.plan": {
    kind: "self",
    why: "the caller's own plan (defaults when none is saved)",
    setup: async (a) => {
      await aEnergy(a);
      const theirs = await a.caller.capacity.plan({ weekStart: thisWeek() });
      expect([theirs.items.length, theirs.settings.bufferPercent]).toEqual([1, 25]);
    },
    call: async (b) => {
      const plan = await b.capacity.plan({ weekStart: thisWeek() });
      expect(plan.items).toEqual([]);
      expect(plan.settings.bufferPercent).toBe(20);
    },
  },
  "capacity.saveSettings": {
    kind: "self",
    why: "saves the caller's own week",
    setup: aEnergy,
    call: (b) =>
      b.capacity.saveSettings({
        weekStart: thisWeek(),
        availableHours: 10,
        deepWorkCapPerDay: 1,
        bufferPercent: 10,
        oneOnOneMinutes: 30,
        version: 0,
      }),
  },
  "capacity.addItem": {
    kind: "self",
    why: "adds to the caller's own plan",
    call: (b) => b.capacity.addItem({ weekStart: thisWeek(), title: "B's", hours: 1 }),
  },
  "capacity.updateItem": {
    kind: "ids",
    setup: async (a) => ({ id: (await aEnergy(a)).item.id, version: 1, title: "Changed by B", hours: 1 }),
    call: (b, input) => b.capacity.updateItem(input),
  },
  "capacity.removeItem": {
    kind: "ids",
    setup: async (a) => ({ id: (await aEnergy(a)).item.id, weekStart: thisWeek() }),
    call: (b, input) => b.capacity.removeItem(input),
  },
  "home.summary": {
    kind: "self",
    why: "the caller's own week",
    // A has a 1:1 overdue, an action of its own and planned hours: A's Home shows them.
    setup: async (a) => {
      await aEnergy(a);
      const [someone] = await a.caller.people.list();
      await metMonthAgo(a.caller, someone!.id);
      await a.caller.oneOnOnes.addAction({ personId: someone!.id, assignee: "me", title: "A's action" });
      const theirs = await a.caller.home.summary();
      expect(theirs.oneOnOnes.due.map((p) => p.id)).toEqual([someone!.id]);
      expect(theirs.actions.mine.map((x) => x.title)).toEqual(["A's action"]);
      expect(theirs.capacity.plan.allocated).toBeGreaterThan(0);
    },
    call: async (b) => {
      const mine = await b.people.create({ name: "B's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
      await metMonthAgo(b, mine.id);
      await b.oneOnOnes.addAction({ personId: mine.id, assignee: "me", title: "B's action" });
      const home = await b.home.summary();
      expect(home.oneOnOnes.due.map((p) => p.id)).toEqual([mine.id]);
      expect(home.actions.mine.map((x) => x.title)).toEqual(["B's action"]);
      // B's own 1:1 time only: A's 10 planned hours are not in it.
      expect(home.capacity.plan.allocated).toBeLessThan(10);
      expect(home.capacity.plan).toEqual((await b.capacity.plan({})).plan);
    },
  },
  "home.kind": {
    kind: "self",
    why: "counts the caller's own direct reports",
    setup: async (a) => {
      await a.caller.people.create({ name: "A's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
      expect(await a.caller.home.kind()).toEqual({ kind: "team", reports: 1 });
    },
    // B signed up alone: no reports and nobody above, so the manager's Home with its first steps.
    call: async (b) => expect(await b.home.kind()).toEqual({ kind: "team", reports: 0 }),
  },
  "home.mine": {
    kind: "self",
    why: "the caller's own side of their 1:1s, targets and tasks",
    setup: async (a) => {
      const person = await a.caller.people.create({ name: "A's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
      await a.caller.oneOnOnes.schedule({ personId: person.id, scheduledAt: new Date(Date.now() + 86_400_000) });
      await a.caller.oneOnOnes.addAction({ personId: person.id, assignee: "me", title: "A's action" });
    },
    call: async (b) => {
      const home = await b.home.mine();
      expect(home).toMatchObject({ manager: null, nextOneOnOne: null, targets: [], levels: [] });
      expect(home.actions).toEqual({ yours: [], yoursCount: 0, theirs: [], theirsCount: 0 });
    },
  },
  "home.palette": {
    kind: "self",
    why: "the caller's own people, targets and areas",
    setup: async (a) => {
      const person = await a.caller.people.create({ name: "A's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
      await a.caller.areas.create({ name: "A's area", icPersonId: person.id });
      await a.caller.targets.create({
        title: "A's target",
        kind: "speed",
        ownerIds: [person.id],
        startDate: "2026-01-01",
        dueDate: "2026-12-31",
      });
      const theirs = await a.caller.home.palette();
      expect([theirs.people.length > 0, theirs.targets.length, theirs.areas.length]).toEqual([true, 1, 1]);
    },
    call: async (b) => {
      const person = await b.people.create({ name: "B's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
      const area = await b.areas.create({ name: "B's area" });
      const target = await b.targets.create({
        title: "B's target",
        kind: "speed",
        ownerIds: [person.id],
        startDate: "2026-01-01",
        dueDate: "2026-12-31",
      });
      const mine = await b.home.palette();
      expect(mine.people.map((p) => p.id)).toEqual([person.id]);
      expect(mine.targets.map((t) => t.id)).toEqual([target.id]);
      expect(mine.areas.map((x) => x.id)).toEqual([area.id]);
    },
  },
};
