import { expect } from "vitest";
import { TEST_PASSWORD } from "../factories";
import type { CaseTable } from "./types";
import { makeWorld, worldIds } from "./world";

export const accountCases: CaseTable = {
  "account.me": {
    kind: "self",
    why: "takes no ids: reads the caller's own account",
    call: async (b, bUser) => {
      const me = await b.account.me();
      if (me.id !== bUser.id) throw new Error("account.me answered with someone else's account");
    },
  },
  "account.updateProfile": {
    kind: "self",
    why: "takes no ids: changes the caller's own name and time zone",
    call: (b) => b.account.updateProfile({ name: "Intruder", timeZone: "Asia/Tokyo", version: 1 }),
  },
  "account.changePassword": {
    kind: "self",
    why: "takes no ids: changes the caller's own password",
    call: (b) =>
      b.account.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: "intruder-password",
        confirmPassword: "intruder-password",
      }),
  },
  "account.export": {
    kind: "self",
    why: "exports the caller's own rows only",
    // A owns a row of every kind, and sees them in its own export.
    setup: async (a) => {
      const world = await makeWorld(a);
      const theirs = await a.caller.account.export({ includePrivate: true });
      expect(Object.entries(theirs.tables).filter(([, rows]) => rows.length > 0).length).toBeGreaterThan(15);
      return worldIds(world);
    },
    call: async (b, _b, aIds: string[]) => {
      const mine = await b.people.create({ name: "B's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
      const file = await b.account.export({ includePrivate: true });
      expect(Object.values(file.tables).every((rows) => rows.every((r) => !("orgId" in r)))).toBe(true);
      expect(file.tables.people!.map((p) => p.id)).toEqual([mine.id]);
      const text = JSON.stringify(file);
      expect(aIds.filter((id) => text.includes(id))).toEqual([]);
    },
  },
  "account.import": {
    kind: "self",
    why: "imports into the caller's own (empty) account, with new ids: A's rows are untouched",
    setup: async (a) => {
      const person = await a.caller.people.create({ name: "A's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
      await a.caller.oneOnOnes.addNote({ personId: person.id, kind: "coaching", body: "A's private note", private: true });
      return a.caller.account.export({ includePrivate: true });
    },
    call: async (b, _b, file: unknown) => expect((await b.account.import({ file })).imported).toMatchObject({ coaching_notes: 1 }),
  },
  "account.delete": {
    kind: "self",
    why: "deletes the caller's own account, after its password",
    call: (b) => b.account.delete({ password: TEST_PASSWORD }),
  },
};
