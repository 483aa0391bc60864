import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { authSessions, coachingNotes, invitations, memberships, people, personNotes, users } from "@/server/db/schema/index";
import { resolveSession } from "@/server/services/account/sessions";
import { useTestDatabase } from "@/test/database";
import { startSmtpServer } from "@/test/smtp";
import { anonymousCaller, createUser, joinAsMember, TEST_PASSWORD, type TestUser } from "@/test/factories";
import { hashInvitationToken, acceptInvitationWithNewAccount, acceptInvitationWithPassword } from "./invitations.write";

const database = useTestDatabase();
const db = () => database.current.db;

const tokenOf = (link: string) => link.split("/invite/")[1]!;

async function person(owner: TestUser, name: string, managerId: string | null = null, email?: string) {
  return owner.caller.people.create({ name, track: "manager", level: "em", cadence: "weekly", managerId, ...(email ? { email } : {}) });
}

async function sessionOf(user: TestUser) {
  const [row] = await db().select({ version: users.sessionVersion }).from(users).where(eq(users.id, user.id));
  return resolveSession(db(), { userId: user.id, sessionId: user.actor.sessionId, sessionVersion: row!.version });
}

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.INVITATION_TTL_DAYS;
  delete process.env.AUTH_URL;
});

describe("invitations", () => {
  it("invites a person and a new account accepts it, joining as that person", async () => {
    const owner = await createUser(db());
    const em = await person(owner, "Em Invited", null, "Em.Invited@Example.com");
    const created = await owner.caller.members.invite({ personId: em.id });
    expect(created.email).toBe("em.invited@example.com");
    expect(created.link).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(created.emailed).toBe(false);
    const days = (created.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // Only the hash is kept.
    const [row] = await db().select().from(invitations).where(eq(invitations.id, created.id));
    expect(row!.tokenHash).toBe(hashInvitationToken(tokenOf(created.link)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(created.link));

    const state = await anonymousCaller(db()).members.invitation({ token: tokenOf(created.link) });
    expect(state).toMatchObject({ state: "valid", personName: "Em Invited", inviterName: owner.name, email: "em.invited@example.com" });
    expect(await owner.caller.members.statusOf({ personId: em.id })).toMatchObject({ status: "invited", canInvite: true });

    const accepted = await acceptInvitationWithNewAccount(db(), {
      token: tokenOf(created.link),
      name: "Em",
      password: "a long enough password",
    });
    expect(accepted).toMatchObject({ orgId: owner.actor.orgId, personId: em.id, role: "member", email: "em.invited@example.com" });
    const [user] = await db().select().from(users).where(eq(users.id, accepted.userId));
    expect(user!.lastOrgId).toBe(owner.actor.orgId);
    expect(await owner.caller.members.statusOf({ personId: em.id })).toMatchObject({ status: "joined" });
    expect(await anonymousCaller(db()).members.invitation({ token: tokenOf(created.link) })).toMatchObject({ state: "used" });
    // Used: a second accept is refused with a clear state.
    await expect(
      acceptInvitationWithNewAccount(db(), { token: tokenOf(created.link), name: "Again", password: "a long enough password" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already used/) });
  });

  it("an existing account accepts while signed in with the invited email, and not with another", async () => {
    const owner = await createUser(db());
    const invitee = await createUser(db());
    const stranger = await createUser(db());
    const em = await person(owner, "Em");
    const created = await owner.caller.members.invite({ personId: em.id, email: invitee.email.toUpperCase() });
    await expect(stranger.caller.members.accept({ token: tokenOf(created.link) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/another email/),
    });
    const joined = await invitee.caller.members.accept({ token: tokenOf(created.link) });
    expect(joined).toMatchObject({ orgId: owner.actor.orgId, personId: em.id });
    // Two organisations now: the switcher lists both, the joined one is opened next.
    const session = await sessionOf(invitee);
    expect(session!.membership.orgId).toBe(owner.actor.orgId);
    const orgs = await invitee.caller.members.myOrganisations();
    expect(orgs.map((o) => o.orgId).sort()).toEqual([owner.actor.orgId, invitee.actor.orgId].sort());
    await invitee.caller.members.switchOrganisation({ orgId: invitee.actor.orgId });
    expect((await sessionOf(invitee))!.membership.orgId).toBe(invitee.actor.orgId);
    await expect(invitee.caller.members.switchOrganisation({ orgId: stranger.actor.orgId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("expired, revoked and unknown links say so; inviting again replaces the open invitation", async () => {
    const owner = await createUser(db());
    const em = await person(owner, "Em");
    const first = await owner.caller.members.invite({ personId: em.id, email: "em@example.com" });
    const second = await owner.caller.members.invite({ personId: em.id, email: "em2@example.com" });
    const anon = anonymousCaller(db());
    expect(await anon.members.invitation({ token: tokenOf(first.link) })).toMatchObject({ state: "revoked", orgName: expect.any(String) });
    expect(await anon.members.invitation({ token: tokenOf(second.link) })).toMatchObject({ state: "valid", email: "em2@example.com" });
    expect(await anon.members.invitation({ token: "nope" })).toEqual({ state: "not_found" });

    await owner.caller.members.revokeInvitation({ id: second.id });
    expect(await anon.members.invitation({ token: tokenOf(second.link) })).toMatchObject({ state: "revoked" });
    await expect(
      acceptInvitationWithNewAccount(db(), { token: tokenOf(second.link), name: "Em", password: "a long enough password" }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/withdrawn/),
    });
    expect(await owner.caller.members.statusOf({ personId: em.id })).toMatchObject({ status: "not_invited" });

    process.env.INVITATION_TTL_DAYS = "2";
    const third = await owner.caller.members.invite({ personId: em.id, email: "em3@example.com" });
    expect((third.expiresAt.getTime() - Date.now()) / 86_400_000).toBeLessThanOrEqual(2);
    await db()
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.id, third.id));
    expect(await anon.members.invitation({ token: tokenOf(third.link) })).toMatchObject({ state: "expired" });
    expect(await owner.caller.members.statusOf({ personId: em.id })).toMatchObject({ status: "expired" });
    await expect(
      acceptInvitationWithNewAccount(db(), { token: tokenOf(third.link), name: "Em", password: "a long enough password" }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/expired/),
    });
    // No account was left behind by the refused accepts.
    expect(await db().select().from(users).where(eq(users.email, "em3@example.com"))).toEqual([]);
    // The admin's list shows the expired one (to send again).
    const { invitations: open } = await owner.caller.members.list();
    expect(open).toMatchObject([{ id: third.id, expired: true }]);
  });

  it("a manager invites their own subtree only, as members; others get NOT_FOUND", async () => {
    const owner = await createUser(db());
    const lead = await person(owner, "Lead");
    const report = await person(owner, "Report", lead.id);
    const peer = await person(owner, "Peer");
    const manager = await joinAsMember(db(), owner, lead.id);
    const created = await manager.caller.members.invite({ personId: report.id, email: "report@example.com" });
    expect(created.role).toBe("member");
    await expect(manager.caller.members.invite({ personId: peer.id, email: "peer@example.com" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(manager.caller.members.invite({ personId: lead.id, email: "me@example.com" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(manager.caller.members.invite({ personId: report.id, email: "r@example.com", role: "admin" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await manager.caller.members.statusOf({ personId: peer.id })).toEqual({ status: "not_invited", canInvite: false });
    await expect(manager.caller.members.list()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(manager.caller.members.revokeInvitation({ id: created.id })).resolves.toEqual({ id: created.id });
    // Another organisation's person is not found.
    const other = await createUser(db());
    await expect(other.caller.members.invite({ personId: report.id, email: "x@example.com" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.members.revokeInvitation({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A member is not invited again.
    await expect(owner.caller.members.invite({ personId: lead.id, email: "again@example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("links use AUTH_URL's origin; a new account for a taken email is refused and the invitation stays open", async () => {
    process.env.AUTH_URL = "https://intersect.example.org/api/auth";
    const owner = await createUser(db());
    const existing = await createUser(db());
    const em = await person(owner, "Em");
    const created = await owner.caller.members.invite({ personId: em.id, email: existing.email });
    expect(created.link).toMatch(/^https:\/\/intersect\.example\.org\/invite\//);
    await expect(
      acceptInvitationWithNewAccount(db(), { token: tokenOf(created.link), name: "Dup", password: "a long enough password" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Sign in with it/) });
    expect(await anonymousCaller(db()).members.invitation({ token: tokenOf(created.link) })).toMatchObject({ state: "valid" });
    await expect(anonymousCaller(db()).members.accept({ token: tokenOf(created.link) })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("signed out, an existing account accepts with its password, even one removed from every organisation", async () => {
    const owner = await createUser(db());
    const em = await person(owner, "Em");
    const other = await person(owner, "Other");
    const member = await joinAsMember(db(), owner, em.id);
    await owner.caller.members.remove({ userId: member.id });
    const created = await owner.caller.members.invite({ personId: other.id, email: member.email });
    const token = tokenOf(created.link);
    await expect(acceptInvitationWithPassword(db(), { token, password: "wrong password" }, null)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { password: expect.stringMatching(/not the password/) },
    });
    const accepted = await acceptInvitationWithPassword(db(), { token, password: TEST_PASSWORD }, null);
    expect(accepted).toMatchObject({ userId: member.id, personId: other.id, orgId: owner.actor.orgId });
  });

  it("two accepts of one token at once: exactly one wins", async () => {
    const owner = await createUser(db());
    const em = await person(owner, "Em");
    const created = await owner.caller.members.invite({ personId: em.id, email: "race@example.com" });
    const token = tokenOf(created.link);
    const results = await Promise.allSettled([
      acceptInvitationWithNewAccount(db(), { token, name: "One", password: "a long enough password" }),
      acceptInvitationWithNewAccount(db(), { token, name: "Two", password: "a long enough password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([
      expect.stringMatching(/CONFLICT/),
    ]);
    expect(await db().select().from(memberships).where(eq(memberships.personId, em.id))).toHaveLength(1);
    expect(await db().select().from(users).where(eq(users.email, "race@example.com"))).toHaveLength(1);
  });

  it("two signed-in accepts of one token at once: exactly one wins", async () => {
    const owner = await createUser(db());
    const invitee = await createUser(db());
    const em = await person(owner, "Em");
    const created = await owner.caller.members.invite({ personId: em.id, email: invitee.email });
    const token = tokenOf(created.link);
    const results = await Promise.allSettled([invitee.caller.members.accept({ token }), invitee.caller.members.accept({ token })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().select().from(memberships).where(eq(memberships.personId, em.id))).toHaveLength(1);
  });
});

describe("members", () => {
  it("the last admin can be neither demoted nor removed", async () => {
    const owner = await createUser(db());
    await expect(owner.caller.members.changeRole({ userId: owner.id, role: "member", version: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/at least one admin/),
    });
    await expect(owner.caller.members.remove({ userId: owner.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const em = await person(owner, "Em");
    const second = await joinAsMember(db(), owner, em.id);
    await expect(second.caller.members.changeRole({ userId: owner.id, role: "member", version: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const promoted = await owner.caller.members.changeRole({ userId: second.id, role: "admin", version: 1 });
    expect(promoted).toEqual({ userId: second.id, role: "admin", version: 2 });
    // A stale form conflicts.
    await expect(owner.caller.members.changeRole({ userId: second.id, role: "member", version: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Two admins demoting each other at once: one of them stays an admin.
    const secondAsAdmin = { ...second.actor, role: "admin" as const };
    const { wireCaller } = await import("@/test/wire-caller");
    const secondCaller = wireCaller({ db: db(), actor: secondAsAdmin });
    const results = await Promise.allSettled([
      owner.caller.members.changeRole({ userId: second.id, role: "member", version: 2 }),
      secondCaller.members.changeRole({ userId: owner.id, role: "member", version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const admins = await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, owner.actor.orgId), eq(memberships.role, "admin")));
    expect(admins).toHaveLength(1);
  });

  it("removing a member ends their sessions and private notes; the person stays", async () => {
    const owner = await createUser(db());
    const lead = await person(owner, "Lead");
    const report = await person(owner, "Report", lead.id);
    const member = await joinAsMember(db(), owner, lead.id);
    expect(await sessionOf(member)).not.toBeNull();
    // The member's own notes: a private coaching note and a note about their report.
    await db()
      .insert(coachingNotes)
      .values({ orgId: owner.actor.orgId, personId: report.id, authorPersonId: lead.id, kind: "coaching", body: "Private", private: true });
    await db().insert(personNotes).values({ orgId: owner.actor.orgId, personId: report.id, authorPersonId: lead.id, body: "Mine" });

    const { members } = await owner.caller.members.list();
    expect(members.map((m) => m.userId).sort()).toEqual([owner.id, member.id].sort());
    await owner.caller.members.remove({ userId: member.id });

    expect(await sessionOf(member)).toBeNull();
    expect(await db().select().from(authSessions).where(eq(authSessions.userId, member.id))).toEqual([]);
    expect(
      await db()
        .select()
        .from(coachingNotes)
        .where(and(eq(coachingNotes.authorPersonId, lead.id), eq(coachingNotes.private, true))),
    ).toEqual([]);
    expect(await db().select().from(personNotes).where(eq(personNotes.authorPersonId, lead.id))).toEqual([]);
    expect(await db().select({ id: people.id }).from(people).where(eq(people.id, lead.id))).toHaveLength(1);
    expect(await owner.caller.members.statusOf({ personId: lead.id })).toMatchObject({ status: "not_invited" });
  });

  it("a removed member with another organisation falls back to it", async () => {
    const owner = await createUser(db());
    const invitee = await createUser(db());
    const em = await person(owner, "Em");
    const created = await owner.caller.members.invite({ personId: em.id, email: invitee.email });
    await invitee.caller.members.accept({ token: tokenOf(created.link) });
    await owner.caller.members.remove({ userId: invitee.id });
    // Its sessions ended; a new one opens the organisation it still has.
    const { startSession } = await import("@/server/services/account/sessions");
    const [row] = await db().select({ version: users.sessionVersion }).from(users).where(eq(users.id, invitee.id));
    const sessionId = await startSession(db(), invitee.id, row!.version);
    const session = await resolveSession(db(), { userId: invitee.id, sessionId, sessionVersion: row!.version });
    expect(session!.membership.orgId).toBe(invitee.actor.orgId);
  });

  it("renames the organisation against its version (admins only)", async () => {
    const owner = await createUser(db());
    const org = await owner.caller.members.organisation();
    const renamed = await owner.caller.members.renameOrganisation({ name: "Acme Engineering", version: org.version });
    expect(renamed).toMatchObject({ name: "Acme Engineering", version: org.version + 1 });
    await expect(owner.caller.members.renameOrganisation({ name: "Stale", version: org.version })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const em = await person(owner, "Em");
    const member = await joinAsMember(db(), owner, em.id);
    await expect(member.caller.members.renameOrganisation({ name: "Mine", version: renamed.version })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await member.caller.members.myOrganisations()).map((o) => o.name)).toEqual(["Acme Engineering"]);
  });
});

describe("invitation email", () => {
  it("emails the link through SMTP_URL", async () => {
    const smtp = await startSmtpServer();
    const { received } = smtp;
    try {
      process.env.SMTP_URL = smtp.url;
      const owner = await createUser(db());
      const em = await person(owner, "Em Mailed");
      const created = await owner.caller.members.invite({ personId: em.id, email: "mailed@example.com" });
      expect(created).toMatchObject({ emailed: true });
      expect(created.warning).toBeUndefined();
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toEqual(["mailed@example.com"]);
      // Quoted-printable may fold long lines: unfold soft breaks before looking for the link.
      expect(received[0]!.body.replace(/=\r?\n/g, "").replace(/=3D/g, "=")).toContain(created.link);
    } finally {
      smtp.close();
    }
  });

  it("a mail that cannot be sent keeps the invitation and warns", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const owner = await createUser(db());
    const em = await person(owner, "Em");
    const created = await owner.caller.members.invite({ personId: em.id, email: "lost@example.com" });
    expect(created.emailed).toBe(false);
    expect(created.warning).toMatch(/could not be sent/);
    expect(await anonymousCaller(db()).members.invitation({ token: tokenOf(created.link) })).toMatchObject({ state: "valid" });
  });
});
