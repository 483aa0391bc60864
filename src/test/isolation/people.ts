import { expect } from "vitest";
import type { TestUser } from "../factories";
import type { CaseTable } from "./types";

const person = (name: string, extra: Record<string, unknown> = {}) =>
  ({ name, track: "manager", level: "em", managerId: null, cadence: "fortnightly", ...extra }) as const;

async function aPerson(a: TestUser) {
  return a.caller.people.create(person("Owned by A", { email: "a-person@example.com" }));
}

async function anArea(a: TestUser) {
  const em = await aPerson(a);
  return a.caller.areas.create({ name: "A's area", emPersonId: em.id });
}

export const peopleCases: CaseTable = {
  "people.get": { kind: "ids", setup: async (a) => ({ id: (await aPerson(a)).id }), call: (b, input) => b.people.get(input) },
  "people.update": {
    kind: "ids",
    setup: async (a) => {
      const p = await aPerson(a);
      return { ...person("Renamed by B"), id: p.id, version: p.version };
    },
    call: (b, input) => b.people.update(input),
  },
  "people.archive": { kind: "ids", setup: async (a) => ({ id: (await aPerson(a)).id }), call: (b, input) => b.people.archive(input) },
  "people.restore": {
    kind: "ids",
    setup: async (a) => {
      const p = await aPerson(a);
      await a.caller.people.archive({ id: p.id });
      return { id: p.id };
    },
    call: (b, input) => b.people.restore(input),
  },
  "people.create": {
    kind: "ids",
    // B names A's person as the new person's manager.
    setup: async (a) => person("B's report", { managerId: (await aPerson(a)).id }),
    call: (b, input) => b.people.create(input),
  },
  "people.list": {
    kind: "self",
    why: "lists the caller's own people; filters naming A's ids find nothing",
    setup: async (a) => {
      const theirs = await aPerson(a);
      await a.caller.people.create(person("A's report", { managerId: theirs.id }));
      expect(await a.caller.people.list({ managerId: theirs.id })).toHaveLength(1);
      return theirs;
    },
    call: async (b, _bUser, theirs: { id: string }) => {
      const mine = await b.people.create(person("B's own"));
      expect((await b.people.list()).map((p) => p.id)).toEqual([mine.id]);
      expect(await b.people.list({ managerId: theirs.id, includeArchived: true })).toEqual([]);
    },
  },
  "people.options": {
    kind: "self",
    why: "lists the caller's own active people",
    setup: async (a) => expect(await a.caller.people.options()).not.toEqual([]),
    call: async (b) => {
      const mine = await b.people.create(person("B's own"));
      expect((await b.people.options()).map((p) => p.id)).toEqual([mine.id]);
    },
  },
  "people.orgChart": {
    kind: "self",
    why: "the caller's own org tree",
    setup: async (a) => expect(await a.caller.people.orgChart()).not.toEqual([]),
    call: async (b) => {
      const mine = await b.people.create(person("B's own"));
      expect(JSON.stringify(await b.people.orgChart())).toContain(mine.id);
      expect(JSON.stringify(await b.people.orgChart())).not.toContain("A's report");
    },
  },
  "people.exportCsv": {
    kind: "self",
    why: "exports the caller's own people",
    setup: async (a) => {
      await aPerson(a);
      expect(await a.caller.people.exportCsv()).toContain("a-person@example.com");
    },
    call: async (b) => {
      await b.people.create(person("B's own", { email: "b-own@example.com" }));
      const csv = await b.people.exportCsv();
      expect(csv).toContain("b-own@example.com");
      expect(csv).not.toContain("a-person@example.com");
      expect(csv).not.toContain("Owned by A");
    },
  },
  "people.previewImport": {
    kind: "self",
    why: "checks a file against the caller's own people: A's emails are unknown to B",
    setup: aPerson,
    call: async (b) => {
      const preview = await b.people.previewImport({
        csv: "name,email,title,track,level,manager_email\nNew,new@example.com,,ic,staff,a-person@example.com\n",
      });
      expect(preview.rows[0]!.errors.join(" ")).toMatch(/No one with the email a-person@example.com/);
    },
  },
  "people.commitImport": {
    kind: "self",
    why: "imports into the caller's account; a manager email of A's person is refused",
    setup: aPerson,
    call: async (b) => {
      await expect(
        b.people.commitImport({ csv: "name,email,track,level,manager_email\nNew,n@example.com,ic,staff,a-person@example.com\n" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    },
  },
  "people.loadDemo": {
    kind: "self",
    why: "loads the demo into the caller's own, empty account",
    call: async (b) => expect(await b.people.loadDemo()).toMatchObject({ people: expect.any(Number) }),
  },
  "people.ladder": {
    kind: "self",
    why: "the caller's own level names",
    // A renamed a level: B still sees the default name.
    setup: async (a) => {
      const { labels, version } = await a.caller.people.ladder();
      await a.caller.people.updateLadder({ ...(labels as Record<string, string>), em: "A's team lead", version } as never);
      expect(await a.caller.people.ladder()).toMatchObject({ labels: { em: "A's team lead" } });
    },
    call: async (b) => expect(await b.people.ladder()).toMatchObject({ labels: { em: "Engineering Manager" }, version: 1 }),
  },
  "people.updateLadder": {
    kind: "self",
    why: "renames the caller's own levels",
    call: async (b) => {
      const { labels, version } = await b.people.ladder();
      await b.people.updateLadder({ ...labels, em: "Team Lead", version } as never);
    },
  },
  "areas.list": {
    kind: "self",
    why: "lists the caller's own areas",
    setup: async (a) => {
      await anArea(a);
      expect(await a.caller.areas.list()).toHaveLength(1);
    },
    call: async (b) => {
      const mine = await b.areas.create({ name: "B's area" });
      expect((await b.areas.list()).map((area) => area.id)).toEqual([mine.id]);
    },
  },
  "areas.get": { kind: "ids", setup: async (a) => ({ id: (await anArea(a)).id }), call: (b, input) => b.areas.get(input) },
  "areas.update": {
    kind: "ids",
    setup: async (a) => ({ id: (await anArea(a)).id, name: "Taken over" }),
    call: (b, input) => b.areas.update(input),
  },
  "areas.delete": { kind: "ids", setup: async (a) => ({ id: (await anArea(a)).id }), call: (b, input) => b.areas.delete(input) },
  "areas.create": {
    kind: "ids",
    // B names A's EM in a new area of B's.
    setup: async (a) => ({ name: "B's area", emPersonId: (await aPerson(a)).id }),
    call: (b, input) => b.areas.create(input),
  },
};
