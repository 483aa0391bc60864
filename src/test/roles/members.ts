import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/server/db/types";
import { invitations, memberships, organisations, people } from "@/server/db/schema";
import type { Org } from "./org";
import { everyone, only, ROLES, shows, type Cell, type Expected, type Matrix, type Role } from "./types";

// Members, invitations and the organisation's settings (DESIGN.md: "members,
// invitations, org settings": a manager invites into their own subtree, an
// admin manages; nobody else). An invitation link is its own key: anyone
// holding it reads what it says, and whoever signs in with the invited email
// accepts it. Each user's own organisations (the switcher) are theirs.
// Home's two views are here too: the caller's own.

/** Who may invite R1 (and revoke R1's invitation): the line above R1 and admins, not R1 themself. */
const inviters = () => only("manager", "skip", "top", "admin");

/** The admins' pages of the caller's own organisation (X is the admin of theirs). */
const adminsOfTheirOrg = () => only("top", "admin", "otherOrg");

// One invitation of R1, the same in every cell (each cell inserts it in its own, rolled-back transaction).
const R1_TOKEN = randomBytes(32).toString("base64url");
const R1_INVITATION_ID = randomUUID();
// Another address than R1's person record, as an inviter may give: the link's page shows it to whoever holds the link.
const R1_INVITED_EMAIL = `rae-invited-${randomUUID().slice(0, 8)}@example.com`;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** R1 before they joined: their membership is not there yet (R1's user still calls, as any other account would). */
const notJoined = (org: Org, db: Db) =>
  db.delete(memberships).where(and(eq(memberships.orgId, org.orgId), eq(memberships.personId, org.people.R1.id)));

/** R1 not joined, with an open invitation E1 made. */
async function invited(org: Org, db: Db) {
  await notJoined(org, db);
  await db.insert(invitations).values({
    id: R1_INVITATION_ID,
    orgId: org.orgId,
    personId: org.people.R1.id,
    email: R1_INVITED_EMAIL,
    role: "member",
    tokenHash: sha256(R1_TOKEN),
    invitedByUserId: org.members.manager.id,
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
  });
}

/**
 * An open invitation to the caller's own email, into an organisation of its
 * own that the caller is not in (so its answer names nothing of either world).
 */
async function invitationForCaller(cell: Cell): Promise<{ token: string }> {
  const token = randomBytes(32).toString("base64url");
  if (!cell.user) return { token };
  const [newOrg] = await cell.db.insert(organisations).values({ name: "Elsewhere Ltd" }).returning();
  const [person] = await cell.db
    .insert(people)
    .values({ orgId: newOrg!.id, name: "Newcomer", email: cell.user.email, track: "ic", level: "senior" })
    .returning();
  await cell.db.insert(invitations).values({
    orgId: newOrg!.id,
    personId: person!.id,
    email: cell.user.email,
    role: "member",
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { token };
}

const versionOf = async (db: Db, orgId: string, userId: string) =>
  (
    await db
      .select({ version: memberships.version })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
  )[0]!.version;

/** Everyone, no session included: what a link's page shows is for whoever holds the link. */
const anyoneAtAll = (): Record<Role, Expected> => Object.fromEntries(ROLES.map((r) => [r, "allowed"])) as Record<Role, Expected>;

export const membersMatrix: Matrix = {
  "members.invitation": [
    {
      subject: "the link of R1's open invitation",
      prepare: invited,
      input: () => ({ token: R1_TOKEN }),
      expect: anyoneAtAll(),
      check: (result) => expect((result as { state: string }).state).toBe("valid"),
    },
    {
      subject: "a token that is no invitation",
      input: () => ({ token: randomBytes(32).toString("base64url") }),
      expect: anyoneAtAll(),
      check: (result) => expect(result).toEqual({ state: "not_found" }),
    },
  ],
  "members.accept": [
    {
      subject: "an open invitation to the caller's own email, into another organisation",
      input: (_org, cell) => invitationForCaller(cell),
      expect: everyone(),
    },
    {
      // The token is the key: without a real one there is nothing to accept, whoever asks.
      subject: "a token that is no invitation",
      input: () => ({ token: randomBytes(32).toString("base64url") }),
      expect: only(),
    },
  ],
  "members.invite": {
    subject: "R1, not joined yet",
    prepare: notJoined,
    input: (org) => ({ personId: org.people.R1.id }),
    // DESIGN: a manager invites into their own subtree (R1 is in E1's, D's and V's), an admin anyone; nobody invites themself.
    expect: inviters(),
  },
  "members.revokeInvitation": {
    subject: "R1's open invitation",
    prepare: invited,
    input: () => ({ id: R1_INVITATION_ID }),
    expect: inviters(),
  },
  "members.statusOf": [
    {
      subject: "R1, joined",
      input: (org) => ({ personId: org.people.R1.id }),
      // Whether someone joined is open inside the organisation, as the chart is.
      expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
      check: (result) => expect((result as { status: string }).status).toBe("joined"),
    },
    {
      subject: "R1, invited",
      prepare: invited,
      input: (org) => ({ personId: org.people.R1.id }),
      expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
      // The invitation itself (its id, its email) is for those who may make one; the rest see "not invited".
      check: (result, cell) => {
        shows(["manager", "skip", "top", "admin"], () => R1_INVITATION_ID)(result, cell);
        if (!["manager", "skip", "top", "admin"].includes(cell.role))
          expect(result, `${cell.role} sees R1's invitation`).toEqual({ status: "not_invited", canInvite: false });
      },
    },
  ],
  "members.list": {
    subject: "the caller's organisation's members and invitations",
    expect: adminsOfTheirOrg(),
    check: shows(["top", "admin"], (org) => org.members.self.id),
  },
  "members.changeRole": {
    subject: "R1's membership, made an admin",
    input: async (org, cell) => ({
      userId: org.members.self.id,
      role: "admin",
      version: await versionOf(cell.db, org.orgId, org.members.self.id),
    }),
    expect: only("top", "admin"),
  },
  "members.remove": {
    subject: "R1's membership",
    input: (org) => ({ userId: org.members.self.id }),
    expect: only("top", "admin"),
  },
  "members.myOrganisations": {
    subject: "the caller's own organisations",
    expect: everyone(),
    check: (result, cell) =>
      expect((result as { orgId: string; current: boolean }[]).filter((o) => o.current).map((o) => o.orgId)).toEqual([
        cell.user!.actor.orgId,
      ]),
  },
  "members.switchOrganisation": [
    {
      subject: "the caller's own organisation",
      input: (_org, cell) => ({ orgId: cell.user?.actor.orgId ?? randomUUID() }),
      expect: everyone(),
    },
    {
      subject: "an organisation the caller is not in (X's for the org's members, R1's for X)",
      input: (org, cell) => ({ orgId: cell.role === "otherOrg" ? org.orgId : org.other.actor.orgId }),
      expect: only(),
    },
  ],
  "members.organisation": {
    subject: "the caller's organisation's settings",
    expect: adminsOfTheirOrg(),
    check: shows(["top", "admin"], (org) => org.orgId),
  },
  "members.renameOrganisation": {
    subject: "the caller's organisation",
    input: async (org, cell) => {
      const orgId = cell.user?.actor.orgId ?? org.orgId;
      const [row] = await cell.db.select({ version: organisations.version }).from(organisations).where(eq(organisations.id, orgId));
      return { name: "Renamed Ltd", version: row!.version };
    },
    expect: adminsOfTheirOrg(),
  },

  "home.kind": {
    subject: "the caller's Home",
    expect: everyone(),
    // Nobody reports to R1, and R1 reports to E1: their own view. E1 has reports: the manager's week.
    check: (result, cell) => {
      if (cell.role === "self" || cell.role === "peer") expect((result as { kind: string }).kind).toBe("own");
      if (cell.role === "manager" || cell.role === "top") expect((result as { kind: string }).kind).toBe("team");
    },
  },
  "home.mine": {
    subject: "the caller's own view of Home",
    expect: everyone(),
    // R1's next 1:1 with E1, their target and their task, on their own Home.
    check: (result, cell) => {
      for (const pick of [(o: Org) => o.meeting.id, (o: Org) => o.r1Target.id, (o: Org) => o.task.id]) shows(["self"], pick)(result, cell);
    },
  },
};
