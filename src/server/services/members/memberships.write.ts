import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { apiTokens, authSessions, coachingNotes, memberships, organisations, personNotes, users } from "../../db/schema/index";
import { inOrg, requireAdmin } from "../kernel/access";
import type { Actor } from "../kernel/actor";
import { AppError, notFound } from "../kernel/errors";
import { saveVersioned } from "../kernel/versioned";
import type { changeMemberRoleInput, renameOrganisationInput } from "@/lib/validators/members";

// Members (admins only): changing a role, removing a member; and each user's
// own: switching organisation. Also the organisation's name.

/**
 * Serialises the membership changes of one organisation (the same advisory
 * lock as the chart's writes, services/people/people.write.ts lockOrg): two
 * admins demoting each other at once cannot leave the organisation with none.
 */
async function lockOrg(tx: Db, orgId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${orgId}))`);
}

const LAST_ADMIN = "An organisation needs at least one admin: make someone else an admin first.";

async function adminCount(tx: Db, actor: Actor): Promise<number> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(inOrg(memberships, actor, eq(memberships.role, "admin")));
  return rows.length;
}

async function memberOf(tx: Db, actor: Actor, userId: string) {
  const [member] = await tx
    .select({ personId: memberships.personId, role: memberships.role })
    .from(memberships)
    .where(inOrg(memberships, actor, eq(memberships.userId, userId)));
  if (!member) throw notFound("Member");
  return member;
}

/** Makes a member an admin or a member; the last admin stays one. */
export async function changeMemberRole(db: Db, actor: Actor, { userId, role, version }: z.output<typeof changeMemberRoleInput>) {
  requireAdmin(actor, "Member");
  return db.transaction(async (tx) => {
    await lockOrg(tx, actor.orgId);
    const member = await memberOf(tx, actor, userId);
    if (member.role === "admin" && role !== "admin" && (await adminCount(tx, actor)) <= 1) throw new AppError("BAD_REQUEST", LAST_ADMIN);
    const row = await saveVersioned(tx, memberships, {
      where: inOrg(memberships, actor, eq(memberships.userId, userId)),
      version,
      set: { role },
      what: "member",
    });
    return { userId, role: row.role, version: row.version };
  });
}

/**
 * Removes a member: the account loses the organisation at once (every session
 * of the account ends, so an open tab gets the sign-in page on its next
 * request; the API tokens it had here go too), and the member's own private
 * notes in this organisation go with the membership (DESIGN.md). The person
 * and everything the organisation knows about them stay. The last admin
 * cannot be removed.
 */
export async function removeMember(db: Db, actor: Actor, userId: string): Promise<{ userId: string }> {
  requireAdmin(actor, "Member");
  return db.transaction(async (tx) => {
    await lockOrg(tx, actor.orgId);
    const member = await memberOf(tx, actor, userId);
    if (member.role === "admin" && (await adminCount(tx, actor)) <= 1) throw new AppError("BAD_REQUEST", LAST_ADMIN);
    await tx.delete(memberships).where(inOrg(memberships, actor, eq(memberships.userId, userId)));
    await tx
      .delete(coachingNotes)
      .where(inOrg(coachingNotes, actor, eq(coachingNotes.authorPersonId, member.personId), eq(coachingNotes.private, true)));
    await tx.delete(personNotes).where(inOrg(personNotes, actor, eq(personNotes.authorPersonId, member.personId)));
    await tx.delete(apiTokens).where(inOrg(apiTokens, actor, eq(apiTokens.userId, userId)));
    // All the account's sessions: a session is not bound to one organisation, and this one must end now.
    await tx.delete(authSessions).where(eq(authSessions.userId, userId));
    await tx
      .update(users)
      .set({ lastOrgId: null })
      .where(and(eq(users.id, userId), eq(users.lastOrgId, actor.orgId)));
    return { userId };
  });
}

/** Opens another of the user's organisations: the next request (and the next sign-in) is in it. */
export async function switchOrganisation(db: Db, actor: Actor, orgId: string): Promise<{ orgId: string }> {
  const [member] = await db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, actor.userId)));
  if (!member) throw notFound("Organisation");
  await db.update(users).set({ lastOrgId: orgId }).where(eq(users.id, actor.userId));
  return { orgId };
}

/** Renames the organisation (admins), against the version the form was loaded at. */
export async function renameOrganisation(db: Db, actor: Actor, { name, version }: z.output<typeof renameOrganisationInput>) {
  requireAdmin(actor);
  const row = await saveVersioned(db, organisations, {
    where: eq(organisations.id, actor.orgId),
    version,
    set: { name, updatedAt: new Date() },
    what: "organisation",
  });
  return { id: row.id, name: row.name, version: row.version };
}
