import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/types";
import { users } from "@/server/db/schema";
import type { Actor } from "@/server/services/kernel/actor";
import { hashPassword } from "@/server/services/account/passwords";
import { startSession } from "@/server/services/account/sessions";
import { createOrganisation } from "@/server/services/members/organisations.write";

export const TEST_PASSWORD = "correct horse battery";

// Hashing is deliberately slow: hash the shared test password once per file.
let testPasswordHash: Promise<string> | undefined;

export type TestUser = {
  id: string;
  email: string;
  name: string;
  actor: Actor;
  caller: ReturnType<typeof createCaller>;
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
  return { id: user!.id, email: user!.email, name: user!.name, actor, caller: createCaller({ db, actor }) };
}

/** A caller with no session, as an anonymous request. */
export function anonymousCaller(db: Db) {
  return createCaller({ db, actor: null });
}
