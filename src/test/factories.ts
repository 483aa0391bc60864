import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { wireCaller } from "@/test/wire-caller";
import type { Db } from "@/server/db/types";
import { users } from "@/server/db/schema";
import type { Actor } from "@/server/services/kernel/actor";
import { hashPassword } from "@/server/services/account/passwords";
import { startSession } from "@/server/services/account/sessions";
import { createOrganisation } from "@/server/services/members/organisations.write";
import type { MemberRole } from "@/server/db/schema/members";
import { acceptInvitationWithNewAccount, inviteMember } from "@/server/services/members/invitations.write";
import { memberActor } from "@/server/services/members/memberships.read";

export const TEST_PASSWORD = "correct horse battery";

// Hashing is deliberately slow: hash the shared test password once per file.
let testPasswordHash: Promise<string> | undefined;

export type TestUser = {
  id: string;
  email: string;
  name: string;
  actor: Actor;
  caller: ReturnType<typeof wireCaller>;
};

/** A new user with a unique email, their own organisation (they are its top person and admin), a live session, and a tRPC caller acting as them. */
export async function createUser(db: Db, overrides: { name?: string; email?: string } = {}): Promise<TestUser> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({
      name: overrides.name ?? `Test User ${id}`,
      email: overrides.email ?? `user-${id}@example.com`,
      passwordHash: await testPasswordHash,
    })
    .returning();
  const { orgId, personId } = await createOrganisation(db, user!);
  const sessionId = await startSession(db, user!.id, user!.sessionVersion);
  const actor: Actor = { userId: user!.id, sessionId, orgId, personId, role: "admin" };
  return { id: user!.id, email: user!.email, name: user!.name, actor, caller: wireCaller({ db, actor }) };
}

/** A caller with no session, as an anonymous request. */
export function anonymousCaller(db: Db) {
  return wireCaller({ db, actor: null });
}

/**
 * A new account that joins `owner`'s organisation as the person `personId`
 * (through an invitation made by `owner` and accepted, as in the app), with a
 * live session and a caller signed in to that organisation. `owner` must be
 * allowed to invite the person (an admin, or the person's manager line).
 */
export async function joinAsMember(
  db: Db,
  owner: TestUser,
  personId: string,
  options: { role?: MemberRole; name?: string; email?: string } = {},
): Promise<TestUser> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID().slice(0, 8);
  const email = options.email ?? `member-${id}@example.com`;
  const invitation = await inviteMember(
    db,
    owner.actor,
    { personId, email, role: options.role ?? "member" },
    { origin: "http://test.invalid" },
  );
  const token = invitation.link.split("/invite/")[1]!;
  const accepted = await acceptInvitationWithNewAccount(db, {
    token,
    name: options.name ?? `Member ${id}`,
    passwordHash: await testPasswordHash,
  });
  const [user] = await db.select().from(users).where(eq(users.id, accepted.userId));
  const sessionId = await startSession(db, user!.id, user!.sessionVersion);
  const actor = (await memberActor(db, user!.id, sessionId, owner.actor.orgId))!;
  return { id: user!.id, email: user!.email, name: user!.name, actor, caller: wireCaller({ db, actor }) };
}
