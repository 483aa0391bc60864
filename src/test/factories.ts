import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/types";
import { users } from "@/server/db/schema";
import type { Actor } from "@/server/services/kernel/actor";
import { hashPassword } from "@/server/services/account/passwords";
import { startSession } from "@/server/services/account/sessions";
import { createDefaultSpectrum } from "@/server/services/delegation/spectrums.write";

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

/** A new user with a unique email, the spectrum every account starts with, a live session, and a tRPC caller acting as them. */
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
  await createDefaultSpectrum(db, user!.id);
  const sessionId = await startSession(db, user!.id, user!.sessionVersion);
  const actor = { userId: user!.id, sessionId };
  return { id: user!.id, email: user!.email, name: user!.name, actor, caller: createCaller({ db, actor }) };
}

/** A caller with no session, as an anonymous request. */
export function anonymousCaller(db: Db) {
  return createCaller({ db, actor: null });
}
