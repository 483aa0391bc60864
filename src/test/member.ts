import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/types";
import { memberships, users } from "@/server/db/schema";
import type { Actor } from "@/server/services/kernel/actor";
import { startSession } from "@/server/services/account/sessions";
import type { TestUser } from "./factories";

/**
 * A second member of `org`'s organisation, signed in as the existing person
 * `personId` (a user, a membership linking them to that person, a session and a
 * caller). A local stand-in for the invitation flow, for tests of what each
 * place in the chart may see and change.
 */
export async function memberAs(db: Db, org: TestUser, personId: string, role: "admin" | "member" = "member"): Promise<TestUser> {
  const id = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({ name: `Member ${id}`, email: `member-${id}@example.com`, passwordHash: "not-used" })
    .returning();
  await db.insert(memberships).values({ orgId: org.actor.orgId, userId: user!.id, personId, role });
  const sessionId = await startSession(db, user!.id, user!.sessionVersion);
  const actor: Actor = { userId: user!.id, sessionId, orgId: org.actor.orgId, personId, role };
  return { id: user!.id, email: user!.email, name: user!.name, actor, caller: createCaller({ db, actor }) };
}
