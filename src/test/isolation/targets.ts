import { expect } from "vitest";
import type { TestUser } from "../factories";
import type { CaseTable } from "./types";

async function aTarget(a: TestUser) {
  const owner = await a.caller.people.create({ name: "A's EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
  const target = await a.caller.targets.create({
    title: "A's target",
    kind: "reliability",
    ownerIds: [owner.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });
  const metric = await a.caller.targets.addMetric({ targetId: target.id, name: "Uptime", unit: "%", direction: "higher", baseline: 99, goal: 99.9 });
  const milestone = await a.caller.targets.addMetric({ targetId: target.id, name: "Launch", kind: "milestone" });
  const checkIn = await a.caller.targets.addCheckIn({ metricId: metric.id, value: 99.5, at: new Date("2026-02-01") });
  return { owner, target, metric, milestone, checkIn };
}

const targetInput = (ownerId: string) =>
  ({ title: "B's", kind: "speed", ownerIds: [ownerId], startDate: "2026-01-01", dueDate: "2026-06-30" }) as const;

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
  "targets.delete": { kind: "ids", setup: async (a) => ({ id: (await aTarget(a)).target.id }), call: (b, input) => b.targets.delete(input) },
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
  "targets.deleteMetric": { kind: "ids", setup: async (a) => ({ id: (await aTarget(a)).metric.id }), call: (b, input) => b.targets.deleteMetric(input) },
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
  "targets.deleteCheckIn": { kind: "ids", setup: async (a) => ({ id: (await aTarget(a)).checkIn.id }), call: (b, input) => b.targets.deleteCheckIn(input) },
  "targets.list": {
    kind: "self",
    why: "lists the caller's own targets; a filter naming A's person finds nothing",
    setup: aTarget,
    call: async (b, _bUser, prepared: { owner: { id: string } }) => {
      expect(await b.targets.list()).toEqual([]);
      expect(await b.targets.list({ personId: prepared.owner.id })).toEqual([]);
    },
  },
  "targets.formOptions": {
    kind: "self",
    why: "the caller's own people and areas",
    setup: aTarget,
    call: async (b) => expect(await b.targets.formOptions()).toEqual({ people: [], areas: [] }),
  },
  "apiTokens.list": {
    kind: "self",
    why: "the caller's own tokens",
    setup: (a) => a.caller.apiTokens.create({ name: "A's token" }),
    call: async (b) => expect(await b.apiTokens.list()).toEqual([]),
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
    call: async (b) => expect((await b.targets.exportCsv()).trim().split(/\r?\n/)).toHaveLength(1),
  },
};
