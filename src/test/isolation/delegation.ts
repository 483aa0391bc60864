import { expect } from "vitest";
import type { TestUser } from "../factories";
import type { Caller, CaseTable } from "./types";

async function aTask(a: TestUser) {
  const person = await a.caller.people.create({ name: "A's staff", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
  const task = await a.caller.delegation.createTask({ personId: person.id, title: "A's task", competency: 3, criticality: 3 });
  const spectrum = await a.caller.delegation.activeSpectrum();
  const other = await a.caller.delegation.createSpectrum({ kind: "situational" });
  return { person, task, spectrum, other };
}

/** B's own task, so that B's answers are not empty whatever they leak. */
async function bTask(b: Caller) {
  const person = await b.people.create({ name: "B's staff", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
  return b.delegation.createTask({ personId: person.id, title: "B's own task", competency: 3, criticality: 3 });
}

export const delegationCases: CaseTable = {
  "delegation.activeSpectrum": {
    kind: "self",
    why: "the caller's own spectrum (made on first use)",
    setup: aTask,
    call: async (b, _b, a: { spectrum: { id: string } }) => expect((await b.delegation.activeSpectrum()).id).not.toBe(a.spectrum.id),
  },
  "delegation.spectrums": {
    kind: "self",
    why: "the caller's own spectrums",
    setup: async (a) => {
      await aTask(a);
      expect(await a.caller.delegation.spectrums()).toHaveLength(2);
    },
    call: async (b) => expect(await b.delegation.spectrums()).toHaveLength(1),
  },
  "delegation.createSpectrum": {
    kind: "self",
    why: "adds to the caller's own spectrums",
    call: (b) => b.delegation.createSpectrum({ kind: "m30" }),
  },
  "delegation.updateSpectrum": {
    kind: "ids",
    setup: async (a) => {
      const { other } = await aTask(a);
      return {
        id: other.id,
        version: other.version,
        name: "Taken",
        levels: [
          { label: "x", autonomy: 0 },
          { label: "y", autonomy: 1 },
        ],
      };
    },
    call: (b, input) => b.delegation.updateSpectrum(input),
  },
  "delegation.previewSwitch": {
    kind: "ids",
    setup: async (a) => ({ id: (await aTask(a)).other.id }),
    call: (b, input) => b.delegation.previewSwitch(input),
  },
  "delegation.activateSpectrum": {
    kind: "ids",
    setup: async (a) => ({ id: (await aTask(a)).other.id }),
    call: (b, input) => b.delegation.activateSpectrum(input),
  },
  "delegation.createTask": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aTask(a)).person.id, title: "B's task for A's person", competency: 3, criticality: 3 }),
    call: (b, input) => b.delegation.createTask(input),
  },
  "delegation.updateTask": {
    kind: "ids",
    setup: async (a) => {
      const { task } = await aTask(a);
      return { id: task.id, version: task.version, title: "Renamed", competency: 1, criticality: 5 };
    },
    call: (b, input) => b.delegation.updateTask(input),
  },
  "delegation.deleteTask": {
    kind: "ids",
    setup: async (a) => ({ id: (await aTask(a)).task.id }),
    call: (b, input) => b.delegation.deleteTask(input),
  },
  "delegation.setLevel": {
    kind: "ids",
    setup: async (a) => {
      const { task, spectrum } = await aTask(a);
      return { id: task.id, levelId: spectrum.levels[0]!.id, reason: "B says so" };
    },
    call: (b, input) => b.delegation.setLevel(input),
  },
  "delegation.history": {
    kind: "ids",
    setup: async (a) => ({ id: (await aTask(a)).task.id }),
    call: (b, input) => b.delegation.history(input),
  },
  "delegation.review": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aTask(a)).person.id }),
    call: (b, input) => b.delegation.review(input),
  },
  "delegation.overview": {
    kind: "self",
    why: "the caller's own reports, tasks and spectrum",
    setup: async (a) => {
      await aTask(a);
      const theirs = await a.caller.delegation.overview();
      expect(theirs.people.map((p) => [p.name, p.tasks])).toEqual([["A's staff", 1]]);
      return theirs.spectrum.id;
    },
    call: async (b, _b, theirSpectrum: string) => {
      await bTask(b);
      const mine = await b.delegation.overview();
      expect(mine.people.map((p) => [p.name, p.tasks])).toEqual([["B's staff", 1]]);
      expect(mine.spectrum.id).not.toBe(theirSpectrum);
    },
  },
  "delegation.exportCsv": {
    kind: "self",
    why: "exports the caller's own rows",
    setup: async (a) => {
      await aTask(a);
      expect(await a.caller.delegation.exportCsv()).toContain("A's task");
    },
    call: async (b) => {
      await bTask(b);
      const csv = await b.delegation.exportCsv();
      expect(csv).toContain("B's own task");
      expect(csv).not.toContain("A's task");
      expect(csv).not.toContain("A's staff");
    },
  },
};
