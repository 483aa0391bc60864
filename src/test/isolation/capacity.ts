import { expect } from "vitest";
import type { TestUser } from "../factories";
import type { CaseTable } from "./types";
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
  await a.caller.capacity.saveSettings({ weekStart: thisWeek(), availableHours: 30, deepWorkCapPerDay: 3, bufferPercent: 25, oneOnOneMinutes: 45, version: 0 });
  return { day, entry, item };
}

export const capacityCases: CaseTable = {
  "energy.week": {
    kind: "self",
    why: "the caller's own entries, answers and tags",
    setup: aEnergy,
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
    call: async (b, _b, a: { day: string }) => expect((await b.energy.log({ day: a.day, slot: "start", level: 8, tags: [] })).level).toBe(8),
  },
  "energy.update": { kind: "ids", setup: async (a) => ({ id: (await aEnergy(a)).entry.id, level: 10, tags: [] }), call: (b, input) => b.energy.update(input) },
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
    setup: aEnergy,
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
    call: (b) => b.capacity.saveSettings({ weekStart: thisWeek(), availableHours: 10, deepWorkCapPerDay: 1, bufferPercent: 10, oneOnOneMinutes: 30, version: 0 }),
  },
  "capacity.addItem": { kind: "self", why: "adds to the caller's own plan", call: (b) => b.capacity.addItem({ weekStart: thisWeek(), title: "B's", hours: 1 }) },
  "capacity.updateItem": { kind: "ids", setup: async (a) => ({ id: (await aEnergy(a)).item.id, version: 1, title: "Changed by B", hours: 1 }), call: (b, input) => b.capacity.updateItem(input) },
  "capacity.removeItem": { kind: "ids", setup: async (a) => ({ id: (await aEnergy(a)).item.id, weekStart: thisWeek() }), call: (b, input) => b.capacity.removeItem(input) },
  "home.summary": {
    kind: "self",
    why: "the caller's own week",
    setup: aEnergy,
    call: async (b) => {
      const home = await b.home.summary();
      expect(home.oneOnOnes.due).toEqual([]);
      expect(home.actions.mine).toEqual([]);
      expect(home.capacity.plan.allocated).toBe(0);
    },
  },
  "home.palette": {
    kind: "self",
    why: "the caller's own people, targets and areas",
    setup: async (a) => a.caller.people.create({ name: "A's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" }),
    call: async (b) => expect(await b.home.palette()).toEqual({ people: [], targets: [], areas: [] }),
  },
};
