import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { memberships, users } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";

/**
 * The actor a user is in an organisation (their last one used, or the one
 * named): for callers without a request session (the command line, the
 * benchmarks, tests). Null when the user is a member of no organisation.
 */
export async function memberActor(db: Db, userId: string, sessionId: string, orgId?: string): Promise<Actor | null> {
  const [user] = await db.select({ lastOrgId: users.lastOrgId, timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const wanted = orgId ?? user.lastOrgId;
  const rows = await db
    .select({ orgId: memberships.orgId, personId: memberships.personId, role: memberships.role })
    .from(memberships)
    .where(wanted ? and(eq(memberships.userId, userId), eq(memberships.orgId, wanted)) : eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  const m = rows[0];
  return m ? { userId, sessionId, timeZone: user.timeZone, ...m } : null;
}
