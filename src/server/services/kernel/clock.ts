import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { users } from "../../db/schema/index";
import type { Actor } from "./actor";
import { dayIn } from "@/lib/one-on-ones/days";
import { usableTimeZone } from "@/lib/time-zone";

/**
 * The user's own calendar: "today" is their day in their time zone, not the
 * server's. A stored zone this runtime does not know is read as UTC.
 */
export async function userClock(db: Db, actor: Actor, now = new Date()) {
  const timeZone = usableTimeZone(actor.timeZone ?? (await storedTimeZone(db, actor.userId)));
  return { now, timeZone, today: dayIn(now, timeZone), dayOf: (d: Date) => dayIn(d, timeZone) };
}
export type UserClock = Awaited<ReturnType<typeof userClock>>;

async function storedTimeZone(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return row?.timeZone ?? "UTC";
}
