import { expect } from "vitest";
import type { CaseTable } from "./types";
import type { TestUser } from "../factories";

async function aPerson(a: TestUser) {
  return a.caller.people.create({ name: "A's report", track: "manager", level: "em", managerId: null, cadence: "weekly" });
}

async function anInvitation(a: TestUser) {
  const person = await aPerson(a);
  return a.caller.members.invite({ personId: person.id, email: `invited-${person.id.slice(0, 8)}@example.com` });
}

export const memberCases: CaseTable = {
  "members.accept": {
    kind: "self",
    why: "takes a token, not ids: another account's invitation is refused for B's email",
    setup: async (a) => (await anInvitation(a)).link.split("/invite/")[1],
    call: async (b, _bUser, token: string) => {
      await expect(b.members.accept({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    },
  },
  "members.invite": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aPerson(a)).id, email: "x@example.com" }),
    call: (b, input) => b.members.invite(input),
  },
  "members.revokeInvitation": {
    kind: "ids",
    setup: async (a) => ({ id: (await anInvitation(a)).id }),
    call: (b, input) => b.members.revokeInvitation(input),
  },
  "members.statusOf": {
    kind: "ids",
    setup: async (a) => ({ personId: (await aPerson(a)).id }),
    call: (b, input) => b.members.statusOf(input),
  },
  "members.list": {
    kind: "self",
    why: "takes no ids: the caller's own organisation's members",
    setup: async (a) => anInvitation(a),
    call: async (b, bUser) => {
      const list = await b.members.list();
      expect(list.members.map((m) => m.userId)).toEqual([bUser.id]);
      expect(list.invitations).toEqual([]);
    },
  },
  "members.changeRole": {
    kind: "ids",
    setup: async (a) => ({ userId: a.id, role: "member", version: 1 }),
    call: (b, input) => b.members.changeRole(input),
  },
  "members.remove": {
    kind: "ids",
    setup: async (a) => ({ userId: a.id }),
    call: (b, input) => b.members.remove(input),
  },
  "members.myOrganisations": {
    kind: "self",
    why: "takes no ids: the caller's own memberships",
    call: async (b, bUser) => expect((await b.members.myOrganisations()).map((o) => o.orgId)).toEqual([bUser.actor.orgId]),
  },
  "members.switchOrganisation": {
    kind: "ids",
    setup: async (a) => ({ orgId: a.actor.orgId }),
    call: (b, input) => b.members.switchOrganisation(input),
  },
  "members.organisation": {
    kind: "self",
    why: "takes no ids: the caller's own organisation",
    call: async (b, bUser) => expect((await b.members.organisation()).id).toBe(bUser.actor.orgId),
  },
  "members.renameOrganisation": {
    kind: "self",
    why: "takes no ids: renames the caller's own organisation",
    call: async (b) => expect((await b.members.renameOrganisation({ name: "B's organisation", version: 1 })).name).toBe("B's organisation"),
  },
};
