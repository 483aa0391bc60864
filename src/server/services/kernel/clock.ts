import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { users } from "../../db/schema/index";
import type { Actor } from "./actor";
import { dayIn } from "@/lib/one-on-ones/days";
import { usableTimeZone } from "@/lib/time-zone";
import { todayIn } from "@/lib/today";

/**
 * The user's own calendar: "today" is their day in their time zone, not the
 * server's. A stored zone this runtime does not know is read as UTC.
 */
export async function userClock(db: Db, actor: Actor, now = new Date()) {
  const timeZone = usableTimeZone(actor.timeZone ?? (await storedTimeZone(db, actor.userId)));
  return { now, timeZone, today: todayIn(timeZone, now), dayOf: (d: Date) => dayIn(d, timeZone) };
}
export type UserClock = Awaited<ReturnType<typeof userClock>>;

/**
 * The user's "today" alone, for a service that only compares dates with it
 * (a review or an action overdue): `today ?? await userToday(db, actor)`.
 * A default of `new Date().toISOString().slice(0, 10)` would be the UTC date.
 */
export async function userToday(db: Db, actor: Actor, now = new Date()): Promise<string> {
  return (await userClock(db, actor, now)).today;
}

async function storedTimeZone(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return row?.timeZone ?? "UTC";
}
