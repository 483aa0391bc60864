import { and, asc, eq, gte, isNull, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { oneOnOnes, organisations, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, myReport } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { meetingStats } from "./views.read";
import { dueOf } from "@/lib/one-on-ones/cadence";
import { calendarText, meetingEvent, reminderEvent, type FeedMeeting, type FeedReminder } from "@/lib/calendar/feed-events";

/**
 * The member's calendar feed (an .ics text): the 1:1s they are a side of,
 * and all-day reminders for the reports whose next 1:1 is due and not booked.
 * Read as the member, through the access kernel, like any page: four queries
 * at once, after the user's time zone (one more, unless the actor carries it).
 *
 * Which 1:1s, from where the member stands (policy.ts):
 * - their own, as the report ("1:1 with <manager>");
 * - as the manager: those booked with their current reports, and those they
 *   held themselves (an old manager keeps what they held, not what the new
 *   one will hold; the new one does not get meetings they did not attend);
 * - scheduled or held, never cancelled, from WINDOW_DAYS_BACK days ago to
 *   WINDOW_DAYS_AHEAD ahead (a calendar subscription is re-read every hour or
 *   so: a bounded window keeps each read small).
 */

export const WINDOW_DAYS_BACK = 60;
export const WINDOW_DAYS_AHEAD = 180;
/** At most this many 1:1s in a feed (a manager with weekly 1:1s and 20 reports has about 700 in the window). */
export const FEED_MEETINGS_LIMIT = 2000;
const DAY_MS = 86_400_000;

const person = alias(people, "feed_person");
const holder = alias(people, "feed_holder");
const currentManager = alias(people, "feed_current_manager");

export async function calendarFeedFor(db: Db, actor: Actor, { origin }: { origin: string }, now = new Date()) {
  const clock = await userClock(db, actor, now);
  const from = new Date(now.getTime() - WINDOW_DAYS_BACK * DAY_MS);
  const until = new Date(now.getTime() + WINDOW_DAYS_AHEAD * DAY_MS);
  const [meetings, reports, stats, [org]] = await Promise.all([
    db
      .select({
        id: oneOnOnes.id,
        status: oneOnOnes.status,
        scheduledAt: oneOnOnes.scheduledAt,
        createdAt: oneOnOnes.createdAt,
        updatedAt: oneOnOnes.updatedAt,
        personId: oneOnOnes.personId,
        personName: person.name,
        holderName: holder.name,
        currentManagerName: currentManager.name,
      })
      .from(oneOnOnes)
      .innerJoin(person, and(eq(person.orgId, oneOnOnes.orgId), eq(person.id, oneOnOnes.personId)))
      .innerJoin(holder, and(eq(holder.orgId, oneOnOnes.orgId), eq(holder.id, oneOnOnes.managerPersonId)))
      .leftJoin(currentManager, and(eq(currentManager.orgId, person.orgId), eq(currentManager.id, person.managerId)))
      .where(
        inScope(
          oneOnOnes,
          actor,
          gte(oneOnOnes.scheduledAt, from),
          lt(oneOnOnes.scheduledAt, until),
          isNull(person.archivedAt),
          or(
            eq(oneOnOnes.personId, actor.personId),
            and(eq(oneOnOnes.status, "scheduled"), myReport(actor, oneOnOnes.personId)),
            and(eq(oneOnOnes.status, "held"), eq(oneOnOnes.managerPersonId, actor.personId)),
          ),
        ),
      )
      .orderBy(asc(oneOnOnes.scheduledAt))
      .limit(FEED_MEETINGS_LIMIT),
    db
      .select({ id: people.id, name: people.name, cadence: people.cadence, cadenceDays: people.cadenceDays, createdAt: people.createdAt })
      .from(people)
      .where(inScope(people, actor, isNull(people.archivedAt), myReport(actor, people.id))),
    meetingStats(db, actor),
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.orgId)).limit(1),
  ]);

  const feedMeetings: FeedMeeting[] = meetings.map((m) => {
    const asReport = m.personId === actor.personId;
    return {
      id: m.id,
      status: m.status as FeedMeeting["status"],
      scheduledAt: m.scheduledAt,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      side: asReport ? "report" : "manager",
      personId: m.personId,
      // The report meets their manager of today at a booked 1:1; a held one was with its holder.
      otherName: asReport ? (m.status === "scheduled" ? (m.currentManagerName ?? m.holderName) : m.holderName) : m.personName,
    };
  });

  // Booked ahead: a scheduled 1:1 from yesterday on (views.read.ts bookedAhead), which the window's rows include.
  const aheadFrom = now.getTime() - DAY_MS;
  const bookedAhead = new Set(
    feedMeetings.filter((m) => m.status === "scheduled" && m.scheduledAt.getTime() >= aheadFrom).map((m) => m.personId),
  );
  const reminders: FeedReminder[] = reports.flatMap((report) => {
    const due = dueOf(
      report,
      stats.find((s) => s.personId === report.id),
      clock,
    );
    if ((due.state !== "due" && due.state !== "overdue") || bookedAhead.has(report.id)) return [];
    return [{ personId: report.id, name: report.name, dueDay: due.dueDay, today: clock.today }];
  });

  return calendarText(
    [...feedMeetings.map((m) => meetingEvent(m, origin)), ...reminders.map((r) => reminderEvent(r, origin, now))],
    `1:1s · ${org?.name ?? "Intersect"}`,
  );
}
