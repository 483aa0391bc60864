import { asc, between, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { calendarMeetings, energyEntries } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { meetingLoad } from "@/lib/calendar-audit/summary";
import { weekDays, weekStartOf } from "@/lib/energy/week";
import type { calendarWeekInput } from "@/lib/validators/calendar-audit";

/**
 * A week of the user's imported calendar: its meetings (with minutes), the
 * meeting load beside the week's energy log, and the user's zone the times
 * are shown in. Two queries after the clock; the user's rows alone.
 */
export async function calendarWeek(db: Db, actor: Actor, input: z.output<typeof calendarWeekInput>, now = new Date()) {
  const clock = await userClock(db, actor, now);
  const weekStart = input.weekStart ?? weekStartOf(clock.today);
  const days = weekDays(weekStart);
  const [rows, entries] = await Promise.all([
    db
      .select()
      .from(calendarMeetings)
      .where(inScope(calendarMeetings, actor, eq(calendarMeetings.weekStart, weekStart)))
      .orderBy(asc(calendarMeetings.startsAt), asc(calendarMeetings.title)),
    db
      .select({ day: energyEntries.day, slot: energyEntries.slot, level: energyEntries.level })
      .from(energyEntries)
      .where(inScope(energyEntries, actor, between(energyEntries.day, days[0]!, days[6]!))),
  ]);
  const meetings = rows.map(({ orgId: _org, userId: _user, ...m }) => ({
    ...m,
    minutes: m.allDay ? 0 : Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000),
  }));
  const load = meetingLoad(
    meetings.map((m) => ({ start: m.startsAt, end: m.endsAt, recurring: m.recurring, allDay: m.allDay })),
    entries,
    clock.timeZone,
  );
  return { weekStart, today: clock.today, timeZone: clock.timeZone, meetings, load };
}
