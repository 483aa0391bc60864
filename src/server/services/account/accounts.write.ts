import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { authSessions, coachingNotes, memberships, organisations, personNotes, users } from "../../db/schema/index";
import type { z } from "zod";
import type { Actor } from "../kernel/actor";
import { isUniqueViolation } from "../kernel/db-errors";
import { AppError, fieldError, notFound } from "../kernel/errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords";
import { startSession } from "./sessions";
import { consume, forgetAccount, limitersFor } from "./rate-limits";
import { countSignInAttempt, recordSignInSuccess } from "./sign-in-throttle";
import { throttleAddress } from "@/lib/client-address";
import { minutesFrom } from "@/lib/sign-in-throttle";
import { saveVersioned } from "../kernel/versioned";
import { createOrganisation } from "../members/organisations.write";
import {
  signInInput,
  signUpInput,
  type changePasswordInput,
  type deleteAccountInput,
  type SignInInput,
  type SignUpInput,
  type updateProfileInput,
} from "@/lib/validators/account";
import { accountColumns, type Account } from "./accounts.read";

// The account's writes: sign-up, sign-in (it starts a session), the profile,
// the password, deletion. The profile read is in accounts.read.ts.

export type { Account };

function inMinutes(msBeforeNext: number): string {
  const minutes = minutesFrom(msBeforeNext);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Sign-up from the web: counted per client address (IPv6 per /64) before any
 * work, so one address cannot fill the database or keep the password hashing
 * busy. The command line (seed, benchmarks) calls createAccount directly.
 */
export async function signUp(db: Db, input: z.output<typeof signUpInput>, clientAddress: string | null): Promise<Account> {
  const verdict = await consume(limitersFor(db).signUp, throttleAddress(clientAddress));
  if (!verdict.allowed) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many sign-ups from your network. Try again in ${inMinutes(verdict.msBeforeNext)}.`);
  }
  return insertAccount(db, input);
}

/**
 * Makes an account from raw values: the entry of the command line, the
 * benchmarks and the tests, which have no procedure in front to validate them.
 */
export async function createAccount(db: Db, raw: SignUpInput): Promise<Account> {
  return insertAccount(db, signUpInput.parse(raw));
}

async function insertAccount(db: Db, input: z.output<typeof signUpInput>): Promise<Account> {
  const passwordHash = await hashPassword(input.password);
  try {
    // The account and its organisation (with its spectrum) are made together: reading never writes.
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(users).values({ name: input.name, email: input.email, passwordHash }).returning(accountColumns);
      await createOrganisation(tx, row!);
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw fieldError("CONFLICT", "email", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}

export type SignInResult =
  | { ok: true; user: Account; sessionId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "no-organisation" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export type SignInOptions = {
  /** Waits out the account-wide delay; tests pass one that only records it. */
  sleep?: (ms: number) => Promise<void>;
};

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password and starts a session. Wrong email and wrong
 * password give the same answer in the same time; attempts are throttled per
 * (account, address), slowed per account, and capped per account for addresses
 * that never signed in to it (see src/lib/sign-in-throttle.ts).
 */
export async function signInWithPassword(
  db: Db,
  raw: SignInInput,
  clientAddress: string | null,
  { sleep = sleepFor }: SignInOptions = {},
): Promise<SignInResult> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const verdict = await countSignInAttempt(db, { email, clientAddress });
  if (!verdict.allowed) return { ok: false, reason: "throttled", retryAfterMinutes: verdict.retryAfterMinutes };
  // Waiting holds no hashing slot: a slowed guesser costs a timer, not a core.
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);

  const [user] = await db
    .select({ ...accountColumns, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  // Removed from every organisation: the right password, but nothing to open. Said only after the password checked out.
  const [membership] = await db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, user.id)).limit(1);
  if (!membership) return { ok: false, reason: "no-organisation" };

  await recordSignInSuccess(db, { email, clientAddress }, verdict);
  const sessionId = await startSession(db, user.id, user.sessionVersion);
  const { passwordHash: _hash, sessionVersion, ...account } = user;
  return { ok: true, user: account, sessionId, sessionVersion };
}

export async function updateProfile(db: Db, actor: Actor, input: z.output<typeof updateProfileInput>): Promise<Account> {
  const row = await saveVersioned(db, users, {
    where: eq(users.id, actor.userId),
    version: input.version,
    column: "profileVersion",
    set: { name: input.name, timeZone: input.timeZone, updatedAt: new Date() },
    what: "profile",
  });
  return { id: row.id, name: row.name, email: row.email, timeZone: row.timeZone, createdAt: row.createdAt, version: row.profileVersion };
}

/**
 * The current-password check of change password and delete account: a stolen
 * session must not become a way to guess the password, so checks are counted
 * per user (src/lib/sign-in-throttle.ts) before argon2 runs, and a right one
 * clears the count.
 */
async function checkCurrentPassword(db: Db, actor: Actor, passwordHash: string, password: string): Promise<boolean> {
  const limiter = limitersFor(db).passwordCheck;
  const verdict = await consume(limiter, actor.userId);
  if (!verdict.allowed) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many wrong passwords. Try again in ${inMinutes(verdict.msBeforeNext)}.`);
  }
  const valid = await verifyPassword(passwordHash, password);
  if (valid) await limiter.delete(actor.userId);
  return valid;
}

/**
 * Changes the password and ends every session of the account, this one
 * included: whoever knew the old password is signed out everywhere.
 */
export async function changePassword(db: Db, actor: Actor, input: z.output<typeof changePasswordInput>): Promise<void> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user) throw notFound("Account");
  if (!(await checkCurrentPassword(db, actor, user.passwordHash, input.currentPassword))) {
    throw fieldError("BAD_REQUEST", "currentPassword", "Current password is incorrect.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await tx.delete(authSessions).where(eq(authSessions.userId, actor.userId));
  });
}

/**
 * Deletes the account after checking its password. Each organisation the
 * user is the only member of goes with it, all its data included (every
 * tenant table cascades from the organisation's row). From an organisation
 * with other members the user leaves: refused while they are its last admin;
 * otherwise their membership goes, with their private notes and their notes
 * about people there (their author's alone, DESIGN.md); what the organisation
 * knows about them (their person, shared 1:1 history) stays. Their own rows
 * (energy, capacity, tokens, sessions) cascade from the user's row, and the
 * sign-in and password-check counters are forgotten. The caller signs out.
 */
export async function deleteAccount(db: Db, actor: Actor, { password }: z.output<typeof deleteAccountInput>): Promise<void> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!user) throw notFound("Account");
  if (!(await checkCurrentPassword(db, actor, user.passwordHash, password))) {
    throw fieldError("BAD_REQUEST", "password", "That password is not right.");
  }
  await db.transaction(async (tx) => {
    const mine = await tx
      .select({ orgId: memberships.orgId, personId: memberships.personId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, actor.userId));
    if (mine.length > 0) {
      // The organisations' rows locked in a fixed order: two admins leaving at once cannot both be "not the last".
      const orgIds = mine.map((m) => m.orgId);
      await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
        .orderBy(organisations.id)
        .for("update");
      const counts = await tx
        .select({
          orgId: memberships.orgId,
          members: sql<number>`count(*)::int`,
          admins: sql<number>`(count(*) filter (where ${memberships.role} = 'admin'))::int`,
        })
        .from(memberships)
        .where(inArray(memberships.orgId, orgIds))
        .groupBy(memberships.orgId);
      const countOf = new Map(counts.map((c) => [c.orgId, c]));
      const leaving = mine.filter((m) => (countOf.get(m.orgId)?.members ?? 1) > 1);
      const lastAdminOf = leaving.filter((m) => m.role === "admin" && countOf.get(m.orgId)!.admins <= 1).map((m) => m.orgId);
      if (lastAdminOf.length) {
        const names = await tx
          .select({ name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, lastAdminOf))
          .orderBy(organisations.name);
        throw new AppError(
          "BAD_REQUEST",
          `You are the last admin of ${names.map((n) => n.name).join(", ")}. Make someone else an admin of ${names.length === 1 ? "it" : "each"} first, then delete your account.`,
        );
      }
      for (const m of leaving) {
        await tx
          .delete(coachingNotes)
          .where(and(eq(coachingNotes.orgId, m.orgId), eq(coachingNotes.authorPersonId, m.personId), eq(coachingNotes.private, true)));
        await tx.delete(personNotes).where(and(eq(personNotes.orgId, m.orgId), eq(personNotes.authorPersonId, m.personId)));
        await tx.delete(memberships).where(and(eq(memberships.orgId, m.orgId), eq(memberships.userId, actor.userId)));
      }
      const alone = mine.filter((m) => !leaving.includes(m)).map((m) => m.orgId);
      if (alone.length) await tx.delete(organisations).where(inArray(organisations.id, alone));
    }
    await forgetAccount(tx, { email: user.email, userId: actor.userId });
    await tx.delete(users).where(eq(users.id, actor.userId));
  });
}
