import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/types";
import { memberships, users } from "@/server/db/schema/index";
import { hashPassword } from "@/server/services/account/passwords";
import { startSession } from "@/server/services/account/sessions";
import { memberActor } from "@/server/services/members/memberships.read";
import { TEST_PASSWORD, type TestUser } from "./factories";

// A second member of an organisation: an account linked to a person of its chart, signed in.
// (The members branch adds `joinAsMember` to the factories, through a real invitation; this one inserts the rows.)
let passwordHash: Promise<string> | undefined;
export async function joinAs(db: Db, owner: TestUser, personId: string): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({ name: `Member ${id}`, email: `member-${id}@example.com`, passwordHash: await passwordHash, lastOrgId: owner.actor.orgId })
    .returning();
  await db.insert(memberships).values({ orgId: owner.actor.orgId, userId: user!.id, personId, role: "member" });
  const sessionId = await startSession(db, user!.id, user!.sessionVersion);
  const actor = (await memberActor(db, user!.id, sessionId, owner.actor.orgId))!;
  return { id: user!.id, email: user!.email, name: user!.name, actor, caller: createCaller({ db, actor }) };
}
