import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { invitations, memberships, organisations, people, users } from "../../db/schema/index";
import type { MemberRole } from "../../db/schema/members";
import { inOrg, requireAdmin } from "../kernel/access";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";

/**
 * The actor a user is in an organisation (their last one used, or the one
 * named): for callers without a request session (the command line, the
 * benchmarks, tests). Null when the user is a member of no organisation.
 */
export async function memberActor(db: Db, userId: string, sessionId: string, orgId?: string): Promise<Actor | null> {
  const [user] = await db.select({ lastOrgId: users.lastOrgId, timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const wanted = orgId ?? user.lastOrgId;
  const m = wanted ? await membershipIn(db, userId, wanted) : await oldestMembership(db, userId);
  return m ? { userId, sessionId, timeZone: user.timeZone, ...m } : null;
}

const membershipColumns = { orgId: memberships.orgId, personId: memberships.personId, role: memberships.role };

async function membershipIn(db: Db, userId: string, orgId: string) {
  const [m] = await db
    .select(membershipColumns)
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
  return m ?? null;
}

/** The user's first organisation (the oldest membership): where they land when the last one used is gone. */
export async function oldestMembership(db: Db, userId: string) {
  const [m] = await db
    .select(membershipColumns)
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return m ?? null;
}

export type Member = {
  userId: string;
  name: string;
  email: string;
  personId: string;
  personName: string;
  role: MemberRole;
  version: number;
  joinedAt: Date;
};

export type PendingInvitation = {
  id: string;
  personId: string;
  personName: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
  expired: boolean;
};

/**
 * The organisation's members and its open invitations (expired ones too, so
 * they can be sent again): the admins' page. Two queries, whatever the count.
 */
export async function listMembers(db: Db, actor: Actor): Promise<{ members: Member[]; invitations: PendingInvitation[] }> {
  requireAdmin(actor, "Members");
  const members = await db
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      personId: memberships.personId,
      personName: people.name,
      role: memberships.role,
      version: memberships.version,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(people, and(eq(people.orgId, memberships.orgId), eq(people.id, memberships.personId)))
    .where(inOrg(memberships, actor))
    .orderBy(asc(people.name), asc(memberships.userId));
  const inviter = alias(users, "inviter");
  const open = await db
    .select({
      id: invitations.id,
      personId: invitations.personId,
      personName: people.name,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: inviter.name,
    })
    .from(invitations)
    .innerJoin(people, and(eq(people.orgId, invitations.orgId), eq(people.id, invitations.personId)))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedByUserId))
    .where(inOrg(invitations, actor, isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(asc(invitations.expiresAt), asc(invitations.id));
  const now = Date.now();
  return { members, invitations: open.map((i) => ({ ...i, expired: i.expiresAt.getTime() <= now })) };
}

export type MyOrganisation = { orgId: string; name: string; role: MemberRole; current: boolean };

/** The organisations the user belongs to, for the switcher in the user menu (the current one marked). */
export async function listMyOrganisations(db: Db, actor: Actor): Promise<MyOrganisation[]> {
  const rows = await db
    .select({ orgId: memberships.orgId, name: organisations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(asc(organisations.name), asc(memberships.orgId));
  return rows.map((r) => ({ ...r, current: r.orgId === actor.orgId }));
}

/** The organisation's own settings form: its name (versioned). */
export async function getOrganisation(db: Db, actor: Actor): Promise<{ id: string; name: string; version: number }> {
  requireAdmin(actor);
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, version: organisations.version })
    .from(organisations)
    .where(eq(organisations.id, actor.orgId));
  if (!row) throw notFound("Organisation");
  return row;
}
