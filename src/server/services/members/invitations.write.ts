import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { invitations, memberships, organisations, people, users } from "../../db/schema/index";
import type { MemberRole } from "../../db/schema/members";
import { inOrg, requireReferences } from "../kernel/access";
import type { Actor } from "../kernel/actor";
import { isUniqueViolation } from "../kernel/db-errors";
import { AppError, fieldError, notFound } from "../kernel/errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "../account/passwords";
import { countSignInAttempt, recordSignInSuccess } from "../account/sign-in-throttle";
import { positiveIntegerOr } from "@/lib/positive-integer";
import type { acceptWithNewAccountInput, inviteInput } from "@/lib/validators/members";
import { mailConfigured, sendInvitationMail } from "./invitation-mail";
import { invitationProblem, openInvitation, type InvitationProblem } from "./invitations.read";

// Invitations: making one (a manager for their own part of the chart, an
// admin for anyone), revoking it, and accepting it with a new account or an
// existing one. The link's token is shown once; only its SHA-256 is kept, as
// for API tokens, so a copy of the database opens no invitation.

export const INVITATION_TTL_DAYS = 7;

/** How long a new invitation stays open: INVITATION_TTL_DAYS from the environment, or a week. */
export function invitationTtlDays(): number {
  return positiveIntegerOr(process.env.INVITATION_TTL_DAYS, INVITATION_TTL_DAYS);
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The page a link opens. `origin` is the app's public origin (AUTH_URL, or the request's). */
export function invitationLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/invite/${token}`;
}

export type CreatedInvitation = {
  id: string;
  personId: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  /** The link with the token: in this answer only. */
  link: string;
  /** True when it was emailed (SMTP_URL set and the server took it). */
  emailed: boolean;
  /** Why it was not emailed although mail is configured: the invitation stands, the link is to be copied. */
  warning?: string;
};

/**
 * Invites a person of the chart to sign in as them. A manager invites people
 * in their own subtree (not themself), as members; an admin anyone, as either
 * role. Inviting again replaces the open invitation (its link stops working).
 * With SMTP_URL set the link is also emailed, after the invitation is saved:
 * a mail that fails is a warning, never a lost invitation.
 */
export async function inviteMember(
  db: Db,
  actor: Actor,
  input: z.output<typeof inviteInput>,
  { origin }: { origin: string },
): Promise<CreatedInvitation> {
  // The chart's "change" rule is the inviting rule: the actor's subtree below them, or anyone for an admin.
  await requireReferences(db, actor, "below", "personId", input.personId);
  if (input.role === "admin" && actor.role !== "admin") throw fieldError("BAD_REQUEST", "role", "Only an admin can invite another admin.");
  const [person] = await db
    .select({ name: people.name, email: people.email })
    .from(people)
    .where(inOrg(people, actor, eq(people.id, input.personId)));
  if (!person) throw fieldError("NOT_FOUND", "personId", "That person is not in your organisation.");
  const email = (input.email ?? person.email ?? "").trim().toLowerCase();
  if (!email) throw fieldError("BAD_REQUEST", "email", "Enter the email address to send the invitation to.");

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + invitationTtlDays() * 24 * 60 * 60 * 1000);
  let row: { id: string };
  try {
    row = await db.transaction(async (tx) => {
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(inOrg(memberships, actor, eq(memberships.personId, input.personId)));
      if (member) throw new AppError("CONFLICT", `${person.name} has already joined.`);
      // One open invitation per person (invitations_open_person_key): the new one replaces it.
      await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          inOrg(
            invitations,
            actor,
            eq(invitations.personId, input.personId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        );
      const [inserted] = await tx
        .insert(invitations)
        .values({
          orgId: actor.orgId,
          personId: input.personId,
          email,
          role: input.role,
          tokenHash: hashInvitationToken(token),
          invitedByUserId: actor.userId,
          expiresAt,
        })
        .returning({ id: invitations.id });
      return inserted!;
    });
  } catch (error) {
    // Two invitations of one person at the same moment: the partial unique index lets one through.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${person.name} was just invited by someone else. Reload to see it.`);
    throw error;
  }

  const link = invitationLink(origin, token);
  const created: CreatedInvitation = { id: row.id, personId: input.personId, email, role: input.role, expiresAt, link, emailed: false };
  if (!mailConfigured()) return created;
  try {
    const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.orgId));
    const [inviter] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    await sendInvitationMail({
      to: email,
      link,
      orgName: org?.name ?? "your organisation",
      personName: person.name,
      inviterName: inviter?.name ?? null,
      expiresAt,
    });
    return { ...created, emailed: true };
  } catch (error) {
    console.error("Emailing an invitation failed (the link still works):", error instanceof Error ? error.message : error);
    return { ...created, warning: "The email could not be sent. Copy the link and send it yourself." };
  }
}

/** Revokes an open invitation (its link then says so). Whoever could make it may revoke it. */
export async function revokeInvitation(db: Db, actor: Actor, invitationId: string): Promise<{ id: string }> {
  const [row] = await db
    .select({ personId: invitations.personId, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt })
    .from(invitations)
    .where(inOrg(invitations, actor, eq(invitations.id, invitationId)));
  if (!row) throw notFound("Invitation");
  await requireReferences(db, actor, "below", "id", row.personId, { allowArchived: true }).catch(() => {
    throw notFound("Invitation");
  });
  if (row.acceptedAt) throw new AppError("CONFLICT", "This invitation was already accepted.");
  if (!row.revokedAt) {
    await db
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(inOrg(invitations, actor, eq(invitations.id, invitationId), isNull(invitations.acceptedAt)));
  }
  return { id: invitationId };
}

/** Why an invitation cannot be accepted, as the error a form shows. */
function refusal(problem: InvitationProblem): AppError {
  switch (problem) {
    case "expired":
      return new AppError("BAD_REQUEST", "This invitation has expired. Ask the person who invited you for a new one.");
    case "revoked":
      return new AppError("BAD_REQUEST", "This invitation was withdrawn. Ask the person who invited you for a new one.");
    case "used":
      return new AppError("CONFLICT", "This invitation was already used. Sign in, or ask the person who invited you for a new one.");
    default:
      return notFound("Invitation");
  }
}

export type AcceptedInvitation = { orgId: string; personId: string; userId: string; email: string; role: MemberRole };

/**
 * Takes the invitation for `user` and makes the membership, in the caller's
 * transaction. The conditional UPDATE is the single-use lock: of two accepts
 * of one token, the second waits for the first's row lock and then matches no
 * row (accepted_at is no longer null), so exactly one wins.
 */
async function claim(tx: Db, token: string, user: { id: string; email: string }): Promise<AcceptedInvitation> {
  const tokenHash = hashInvitationToken(token);
  const [taken] = await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedByUserId: user.id })
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
        eq(invitations.email, user.email),
      ),
    )
    .returning({ orgId: invitations.orgId, personId: invitations.personId, role: invitations.role, email: invitations.email });
  if (!taken) {
    const problem = await invitationProblem(tx, token);
    if (problem === null) {
      // Open, but for another address: say whose it is without opening it.
      throw fieldError(
        "BAD_REQUEST",
        "email",
        "This invitation is for another email address. Sign in with the invited email, or ask for a new invitation.",
      );
    }
    throw refusal(problem);
  }
  try {
    await tx.insert(memberships).values({ orgId: taken.orgId, userId: user.id, personId: taken.personId, role: taken.role });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "You are already a member of this organisation, or someone else joined as this person.");
    throw error;
  }
  // The next request opens the organisation just joined.
  await tx.update(users).set({ lastOrgId: taken.orgId, updatedAt: new Date() }).where(eq(users.id, user.id));
  return { ...taken, userId: user.id };
}

/** Accepting while signed in: the account's email must be the invited one. */
export async function acceptInvitation(db: Db, actor: Pick<Actor, "userId">, token: string): Promise<AcceptedInvitation> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, actor.userId));
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    return claim(tx, token, user);
  });
}

/**
 * Accepting with a new account: made with the invited email (so it matches by
 * construction), a name and a password, and joined in the same transaction; a
 * refused invitation leaves no account behind. `passwordHash` lets the tests
 * skip the slow hashing.
 */
export async function acceptInvitationWithNewAccount(
  db: Db,
  input: z.output<typeof acceptWithNewAccountInput> | { token: string; name: string; passwordHash: string },
): Promise<AcceptedInvitation> {
  const open = await openInvitation(db, input.token);
  if (open.problem) throw refusal(open.problem);
  const passwordHash = "passwordHash" in input ? input.passwordHash : await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ name: input.name, email: open.email, passwordHash })
        .returning({ id: users.id, email: users.email });
      return claim(tx, input.token, user!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in with it to accept the invitation.");
    }
    throw error;
  }
}

/**
 * Accepting, signed out, with an existing account: its password proves it is
 * the invited email's. Counted and slowed as a sign-in is. This is also the
 * way back for an account removed from every organisation (it can no longer
 * sign in to accept). The caller signs in afterwards.
 */
export async function acceptInvitationWithPassword(
  db: Db,
  input: { token: string; password: string },
  clientAddress: string | null,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<AcceptedInvitation> {
  const open = await openInvitation(db, input.token);
  if (open.problem) throw refusal(open.problem);
  const keys = { email: open.email, clientAddress };
  const verdict = await countSignInAttempt(db, keys);
  if (!verdict.allowed) {
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `Too many failed attempts. Try again in ${verdict.retryAfterMinutes} minute${verdict.retryAfterMinutes === 1 ? "" : "s"}.`,
    );
  }
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, open.email))
    .limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    throw fieldError("BAD_REQUEST", "password", `That is not the password of an account with ${open.email}.`);
  }
  await recordSignInSuccess(db, keys, verdict);
  return acceptInvitation(db, { userId: user.id }, input.token);
}
