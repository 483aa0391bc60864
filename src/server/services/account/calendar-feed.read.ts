import type { Db } from "../../db/types";
import { calendarFeeds } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";

/** Whether the member has a calendar feed, and since when (never its URL: only a hash is kept). */
export async function calendarFeedStatus(db: Db, actor: Actor) {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(inScope(calendarFeeds, actor)).limit(1);
  return { active: Boolean(row), createdAt: row?.createdAt ?? null };
}
