import { and, count, eq, notInArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { calendarMeetings, users } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { fieldError } from "../kernel/errors";
import { saveVersioned } from "../kernel/versioned";
import { byteLength, MAX_CALENDAR_BYTES, TOO_LARGE_MESSAGE } from "@/lib/calendar-audit/limits";
import { meetingsOfWeek, type CalendarMeeting } from "@/lib/calendar-audit/parse";
import { normaliseTags } from "@/lib/energy/slots";
import type { clearCalendarWeekInput, importCalendarInput, tagMeetingInput } from "@/lib/validators/calendar-audit";

/** Writes of the calendar audit: importing a week from a calendar file, tagging its meetings, clearing it. */

/**
 * Replaces the week's meetings with those the file holds for it, in one
 * transaction: an occurrence already there (same UID and start) keeps its id,
 * tag, effect and version; one the file no longer has is removed. A file too
 * large or unreadable is refused before anything is written (BAD_REQUEST on
 * `file`, in words), so nothing is half-imported.
 */
export async function importCalendar(db: Db, actor: Actor, { weekStart, file }: z.output<typeof importCalendarInput>) {
  if (byteLength(file) > MAX_CALENDAR_BYTES) throw fieldError("BAD_REQUEST", "file", TOO_LARGE_MESSAGE);
  const clock = await userClock(db, actor);
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  const parsed = meetingsOfWeek(file, { weekStart, timeZone: clock.timeZone, selfEmail: user?.email });
  if (!parsed.ok) throw fieldError("BAD_REQUEST", "file", parsed.problem);
  const meetings = uniqueOccurrences(parsed.meetings);

  return db.transaction(async (tx) => {
    const week = inReach(calendarMeetings, actor, eq(calendarMeetings.weekStart, weekStart));
    const kept: string[] = [];
    for (let i = 0; i < meetings.length; i += 200) {
      const rows = await tx
        .insert(calendarMeetings)
        .values(
          meetings.slice(i, i + 200).map((m) => ({
            orgId: actor.orgId,
            userId: actor.userId,
            weekStart,
            uid: m.uid,
            title: m.title,
            startsAt: m.start,
            endsAt: m.end,
            recurring: m.recurring,
            allDay: m.allDay,
          })),
        )
        .onConflictDoUpdate({
          target: [
            calendarMeetings.orgId,
            calendarMeetings.userId,
            calendarMeetings.weekStart,
            calendarMeetings.uid,
            calendarMeetings.startsAt,
          ],
          set: {
            title: sql`excluded.title`,
            endsAt: sql`excluded.ends_at`,
            recurring: sql`excluded.recurring`,
            allDay: sql`excluded.all_day`,
          },
        })
        .returning({ id: calendarMeetings.id });
      kept.push(...rows.map((r) => r.id));
    }
    const removed = await tx
      .delete(calendarMeetings)
      .where(kept.length ? and(week, notInArray(calendarMeetings.id, kept)) : week)
      .returning({ id: calendarMeetings.id });
    const [tagged] = await tx
      .select({ n: count() })
      .from(calendarMeetings)
      .where(and(week, sql`(${calendarMeetings.activity} is not null or ${calendarMeetings.effect} is not null)`));
    return { weekStart, imported: meetings.length, removed: removed.length, tagged: Number(tagged?.n ?? 0) };
  });
}

/** One row per UID and start: a file can list an occurrence twice (an export of two overlapping ranges). */
function uniqueOccurrences(meetings: CalendarMeeting[]): CalendarMeeting[] {
  const seen = new Map<string, CalendarMeeting>();
  for (const m of meetings) seen.set(`${m.uid}\u0000${m.start.toISOString()}`, m);
  return [...seen.values()];
}

/** Tags a meeting with an activity and how it felt; an edit from a stale list is a conflict. */
export async function tagMeeting(db: Db, actor: Actor, { id, activity, effect, version }: z.output<typeof tagMeetingInput>) {
  return saveVersioned(db, calendarMeetings, {
    where: inReach(calendarMeetings, actor, eq(calendarMeetings.id, id)),
    version,
    set: { activity: activity === null ? null : (normaliseTags([activity])[0] ?? null), effect },
    what: "meeting",
  });
}

/** Removes the week's imported meetings, tags included (the page confirms first). */
export async function clearCalendarWeek(db: Db, actor: Actor, { weekStart }: z.output<typeof clearCalendarWeekInput>) {
  const removed = await db
    .delete(calendarMeetings)
    .where(inReach(calendarMeetings, actor, eq(calendarMeetings.weekStart, weekStart)))
    .returning({ id: calendarMeetings.id });
  return { weekStart, removed: removed.length };
}
