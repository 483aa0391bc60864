import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { invitations, memberships, organisations, people, users } from "../../db/schema/index";
import type { MemberRole } from "../../db/schema/members";
import { inOrg, loadInScope, requireReferences } from "../kernel/access";
import type { Actor } from "../kernel/actor";

// Invitations: what a link's page shows, and the status a person's page shows.
// The writes are in invitations.write.ts.

export type InvitationProblem = "expired" | "revoked" | "used" | "not_found";

// As hashInvitationToken in invitations.write.ts (kept here too so that reading imports no writes).
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

type TokenRow = {
  orgId: string;
  personId: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  invitedByUserId: string | null;
};

// The one statement that may not name an organisation: a link names only its token. It finds one row by a unique hash.
async function byToken(db: Db, token: string): Promise<TokenRow | undefined> {
  const [row] = await db
    .select({
      orgId: invitations.orgId,
      personId: invitations.personId,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      invitedByUserId: invitations.invitedByUserId,
    })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashOf(token)))
    .limit(1);
  return row;
}

function problemOf(row: TokenRow | undefined, now = new Date()): InvitationProblem | null {
  if (!row) return "not_found";
  if (row.acceptedAt) return "used";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

/** Why a token cannot be accepted, or null when it is open. */
export async function invitationProblem(db: Db, token: string): Promise<InvitationProblem | null> {
  return problemOf(await byToken(db, token));
}

/** An open invitation's email (a new account is made with it), or why the token cannot be accepted. */
export async function openInvitation(db: Db, token: string): Promise<{ problem: InvitationProblem } | { problem: null; email: string }> {
  const row = await byToken(db, token);
  const problem = problemOf(row);
  return problem ? { problem } : { problem: null, email: row!.email };
}

export type InvitationState =
  | { state: "valid"; orgName: string; personName: string; inviterName: string | null; email: string; role: MemberRole; expiresAt: Date }
  | { state: InvitationProblem; orgName?: string; inviterName?: string | null };

/**
 * What the invite page shows for a token, to anyone holding the link: an open
 * one names the organisation, the person, the inviter and the email; a closed
 * one says why (and who to ask), and nothing else.
 */
export async function invitationByToken(db: Db, token: string): Promise<InvitationState> {
  const row = await byToken(db, token);
  const problem = problemOf(row);
  if (!row) return { state: "not_found" };
  const [details] = await db
    .select({ orgName: organisations.name, personName: people.name })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(and(eq(people.orgId, row.orgId), eq(people.id, row.personId)));
  const [inviter] = row.invitedByUserId ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.invitedByUserId)) : [];
  const inviterName = inviter?.name ?? null;
  if (problem) return { state: problem, orgName: details?.orgName, inviterName };
  return {
    state: "valid",
    orgName: details?.orgName ?? "",
    personName: details?.personName ?? "",
    inviterName,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
  };
}

export type InvitationStatus =
  | { status: "joined"; role: MemberRole; canInvite: boolean }
  | { status: "invited"; email: string; expiresAt: Date; invitationId: string; canInvite: boolean }
  | { status: "expired"; email: string; expiresAt: Date; invitationId: string; canInvite: boolean }
  | { status: "not_invited"; canInvite: boolean };

/**
 * The person page's badge: joined, invited (until when), invitation expired,
 * or not invited; and whether the actor may invite them (their manager line or
 * an admin). Whether someone joined is open inside the organisation, as the
 * chart is; the invitations themselves are for those who may make them.
 */
export async function invitationStatusOf(db: Db, actor: Actor, personId: string): Promise<InvitationStatus> {
  await loadInScope(db, actor, people, personId, "Person");
  const canInvite = await requireReferences(db, actor, "below", "personId", personId).then(
    () => true,
    () => false,
  );
  const [member] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(inOrg(memberships, actor, eq(memberships.personId, personId)));
  if (member) return { status: "joined", role: member.role, canInvite: false };
  if (!canInvite) return { status: "not_invited", canInvite };
  const [latest] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(inOrg(invitations, actor, eq(invitations.personId, personId)))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  // A revoked invitation, or one accepted by a member since removed, is as none.
  if (!latest || latest.revokedAt || latest.acceptedAt) return { status: "not_invited", canInvite };
  const open = latest.expiresAt.getTime() > Date.now();
  return { status: open ? "invited" : "expired", email: latest.email, expiresAt: latest.expiresAt, invitationId: latest.id, canInvite };
}
