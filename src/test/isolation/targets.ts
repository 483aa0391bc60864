import { expect } from "vitest";
import type { TestUser } from "../factories";
import type { Caller, CaseTable } from "./types";

async function aTarget(a: TestUser) {
  const owner = await a.caller.people.create({ name: "A's EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
  const target = await a.caller.targets.create({
    title: "A's target",
    kind: "reliability",
    ownerIds: [owner.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });
  const metric = await a.caller.targets.addMetric({
    targetId: target.id,
    name: "Uptime",
    unit: "%",
    direction: "higher",
    baseline: 99,
    goal: 99.9,
  });
  const milestone = await a.caller.targets.addMetric({ targetId: target.id, name: "Launch", kind: "milestone" });
  const checkIn = await a.caller.targets.addCheckIn({ metricId: metric.id, value: 99.5, at: new Date("2026-02-01") });
  return { owner, target, metric, milestone, checkIn };
}

/** B's own target, so that B's answers are not empty whatever they leak. */
async function bTarget(b: Caller) {
  const owner = await b.people.create({ name: "B's EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
  return b.targets.create({ title: "B's own target", kind: "speed", ownerIds: [owner.id], startDate: "2026-01-01", dueDate: "2026-12-31" });
}

const targetInput = (orgId: string) =>
  ({ title: "B's", kind: "speed", ownerIds: [orgId], startDate: "2026-01-01", dueDate: "2026-06-30" }) as const;

export const targetCases: CaseTable = {
  "targets.get": { kind: "ids", setup: async (a) => ({ id: (await aTarget(a)).target.id }), call: (b, input) => b.targets.get(input) },
  "targets.update": {
    kind: "ids",
    setup: async (a) => {
      const { target, owner } = await aTarget(a);
      return { ...targetInput(owner.id), id: target.id, version: target.version };
    },
    call: (b, input) => b.targets.update(input),
  },
  "targets.create": {
    kind: "ids",
    // B names A's person as an owner.
    setup: async (a) => targetInput((await aTarget(a)).owner.id),
    call: (b, input) => b.targets.create(input),
  },
  "targets.setStatus": {
    kind: "ids",
    setup: async (a) => ({ id: (await aTarget(a)).target.id, status: "dropped" }),
    call: (b, input) => b.targets.setStatus(input),
  },
  "targets.delete": {
    kind: "ids",
    setup: async (a) => ({ id: (await aTarget(a)).target.id }),
    call: (b, input) => b.targets.delete(input),
  },
  "targets.addMetric": {
    kind: "ids",
    setup: async (a) => ({ targetId: (await aTarget(a)).target.id, name: "Sneaky", kind: "milestone" }),
    call: (b, input) => b.targets.addMetric(input),
  },
  "targets.updateMetric": {
    kind: "ids",
    setup: async (a) => {
      const { metric } = await aTarget(a);
      return { id: metric.id, version: metric.version, name: "Renamed", kind: "milestone" };
    },
    call: (b, input) => b.targets.updateMetric(input),
  },
  "targets.deleteMetric": {
    kind: "ids",
    setup: async (a) => ({ id: (await aTarget(a)).metric.id }),
    call: (b, input) => b.targets.deleteMetric(input),
  },
  "targets.setMilestoneDone": {
    kind: "ids",
    setup: async (a) => ({ id: (await aTarget(a)).milestone.id, done: true }),
    call: (b, input) => b.targets.setMilestoneDone(input),
  },
  "targets.addCheckIn": {
    kind: "ids",
    setup: async (a) => ({ metricId: (await aTarget(a)).metric.id, value: 1 }),
    call: (b, input) => b.targets.addCheckIn(input),
  },
  "targets.addCheckIns": {
    kind: "ids",
    setup: async (a) => ({ metricId: (await aTarget(a)).metric.id, text: "2026-02-02,1" }),
    call: (b, input) => b.targets.addCheckIns(input),
  },
  "targets.updateCheckIn": {
    kind: "ids",
    setup: async (a) => {
      const { checkIn } = await aTarget(a);
      return { id: checkIn.id, version: checkIn.version, value: 0, at: new Date("2026-02-03") };
    },
    call: (b, input) => b.targets.updateCheckIn(input),
  },
  "targets.deleteCheckIn": {
    kind: "ids",
    setup: async (a) => ({ id: (await aTarget(a)).checkIn.id }),
    call: (b, input) => b.targets.deleteCheckIn(input),
  },
  "targets.list": {
    kind: "self",
    why: "lists the caller's own targets; a filter naming A's person finds nothing",
    setup: async (a) => {
      const prepared = await aTarget(a);
      expect(await a.caller.targets.list({ personId: prepared.owner.id })).toHaveLength(1);
      return prepared;
    },
    call: async (b, _bUser, prepared: { owner: { id: string } }) => {
      const mine = await bTarget(b);
      expect((await b.targets.list()).map((t) => t.id)).toEqual([mine.id]);
      expect(await b.targets.list({ personId: prepared.owner.id })).toEqual([]);
    },
  },
  "targets.formOptions": {
    kind: "self",
    why: "the caller's own people and areas",
    setup: async (a) => {
      const { owner } = await aTarget(a);
      await a.caller.areas.create({ name: "A's area", emPersonId: owner.id });
      const theirs = await a.caller.targets.formOptions();
      expect([theirs.people.length, theirs.areas.length]).toEqual([2, 1]);
    },
    call: async (b) => {
      const person = await b.people.create({ name: "B's EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
      const area = await b.areas.create({ name: "B's area" });
      const mine = await b.targets.formOptions();
      expect(mine.people.map((p) => p.id)).toEqual([person.id]);
      expect(mine.areas.map((x) => x.id)).toEqual([area.id]);
    },
  },
  "apiTokens.list": {
    kind: "self",
    why: "the caller's own tokens",
    setup: async (a) => {
      await a.caller.apiTokens.create({ name: "A's token" });
      expect(await a.caller.apiTokens.list()).toHaveLength(1);
    },
    call: async (b) => {
      const mine = await b.apiTokens.create({ name: "B's token" });
      expect((await b.apiTokens.list()).map((t) => t.id)).toEqual([mine.id]);
    },
  },
  "apiTokens.create": {
    kind: "self",
    why: "makes a token for the caller",
    call: async (b) => expect((await b.apiTokens.create({ name: "B's token" })).token).toMatch(/^isk_/),
  },
  "apiTokens.revoke": {
    kind: "ids",
    setup: async (a) => ({ id: (await a.caller.apiTokens.create({ name: "A's token" })).id }),
    call: (b, input) => b.apiTokens.revoke(input),
  },
  "targets.exportCsv": {
    kind: "self",
    why: "exports the caller's own rows",
    setup: async (a) => {
      await aTarget(a);
      expect(await a.caller.targets.exportCsv()).toContain("A's target");
    },
    call: async (b) => {
      await bTarget(b);
      const csv = await b.targets.exportCsv();
      expect(csv).toContain("B's own target");
      expect(csv).not.toContain("A's target");
      expect(csv).not.toContain("A's EM");
    },
  },
};
