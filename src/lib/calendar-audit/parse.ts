import ICAL from "ical.js";
import { addDays } from "../one-on-ones/days";
import { canonicalTimeZone } from "../time-zone";
import {
  byteLength,
  MAX_CALENDAR_BYTES,
  MAX_CALENDAR_EVENTS,
  MAX_EXPANDED_OCCURRENCES,
  MAX_WEEK_MEETINGS,
  TOO_LARGE_MESSAGE,
} from "./limits";
import { midnightIn, zonedInstant } from "./zone";

/** One meeting of the week: an event, or one occurrence of a repeating one. */
export type CalendarMeeting = {
  uid: string;
  title: string;
  start: Date;
  end: Date;
  minutes: number;
  recurring: boolean;
  allDay: boolean;
};

export type CalendarWeek = { ok: true; meetings: CalendarMeeting[] } | { ok: false; problem: string };

export type WeekOptions = {
  /** The Monday of the week, as the energy log counts weeks. */
  weekStart: string;
  /** The user's time zone: the week's bounds, all-day events and times without a zone are in it. */
  timeZone: string;
  /** The user's email: an event they declined (PARTSTAT=DECLINED) is not a meeting of theirs. */
  selfEmail?: string;
};

const MAX_TITLE = 200;

class CalendarProblem extends Error {}

/**
 * The meetings of one week in a calendar export (.ics, as Google, Outlook and
 * Apple write it): repeating events expanded (EXDATE and moved or cancelled
 * occurrences included), times in the file's own time zones (its VTIMEZONEs),
 * cancelled and declined events left out. Never throws: a file that cannot be
 * read answers `{ ok: false, problem }` in words, so nothing is half-imported.
 */
export function meetingsOfWeek(text: string, options: WeekOptions): CalendarWeek {
  if (byteLength(text) > MAX_CALENDAR_BYTES) return { ok: false, problem: TOO_LARGE_MESSAGE };
  if (!/^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ""))) {
    return { ok: false, problem: "This is not a calendar file: an .ics export starts with BEGIN:VCALENDAR." };
  }
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text.replace(/^\uFEFF/, "")) as unknown[]);
  } catch (error) {
    return { ok: false, problem: parseProblem(text, error) };
  }
  if (calendar.name !== "vcalendar") return { ok: false, problem: "This file holds more than one calendar, or none: export one calendar." };
  const events = calendar.getAllSubcomponents("vevent");
  if (events.length > MAX_CALENDAR_EVENTS) {
    return {
      ok: false,
      problem: `This calendar has ${events.length} events, more than the ${MAX_CALENDAR_EVENTS} an import reads. Export a shorter range.`,
    };
  }
  // ICAL.TimezoneService is one registry for the process: the file's zones are added for this
  // (synchronous) expansion only, and removed again, so two files' zones of the same name cannot mix.
  const added: string[] = [];
  try {
    for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
      const tzid = String(vtimezone.getFirstPropertyValue("tzid") ?? "");
      if (!tzid || ICAL.TimezoneService.has(tzid)) continue;
      ICAL.TimezoneService.register(vtimezone);
      added.push(tzid);
    }
    const fileZone = canonicalTimeZone(String(calendar.getFirstPropertyValue("x-wr-timezone") ?? "")) ?? options.timeZone;
    return { ok: true, meetings: expand(events, options, fileZone) };
  } catch (error) {
    if (error instanceof CalendarProblem) return { ok: false, problem: error.message };
    return { ok: false, problem: `This calendar file could not be read (${messageOf(error)}). Nothing was imported.` };
  } finally {
    for (const tzid of added) ICAL.TimezoneService.remove(tzid);
  }
}

function expand(events: ICAL.Component[], options: WeekOptions, fileZone: string): CalendarMeeting[] {
  const weekStart = midnightIn(options.weekStart, options.timeZone).getTime();
  const weekEnd = midnightIn(addDays(options.weekStart, 7), options.timeZone).getTime();
  // A moved occurrence can land in the week from an original time a week away: walk a week further.
  const walkUntil = weekEnd + 7 * 86_400_000;
  const toInstant = instantOf(options.timeZone, fileZone);
  const masters = new Map<string, ICAL.Event>();
  const overrides: ICAL.Event[] = [];
  events.forEach((component, index) => {
    const event = new ICAL.Event(component);
    if (!event.uid) event.uid = `no-uid-${index}`;
    if (component.hasProperty("recurrence-id")) overrides.push(event);
    else masters.set(event.uid, event);
  });
  const orphans: ICAL.Event[] = [];
  for (const override of overrides) {
    const master = masters.get(override.uid);
    if (master) master.relateException(override);
    else orphans.push(override); // an invitation to one occurrence only: a single event
  }

  const out: CalendarMeeting[] = [];
  const keep = (event: ICAL.Event, start: ICAL.Time, end: ICAL.Time, recurring: boolean) => {
    if (!attends(event, options.selfEmail)) return;
    const allDay = start.isDate;
    const from = toInstant(start);
    let to = toInstant(end);
    if (to.getTime() < from.getTime()) to = from;
    const inWeek = allDay
      ? from.getTime() < weekEnd && Math.max(to.getTime(), from.getTime() + 1) > weekStart
      : from.getTime() >= weekStart && from.getTime() < weekEnd;
    if (!inWeek) return;
    out.push({
      uid: event.uid,
      title: (event.summary?.trim() || "(no title)").slice(0, MAX_TITLE),
      start: from,
      end: to,
      minutes: allDay ? 0 : Math.round((to.getTime() - from.getTime()) / 60_000),
      recurring,
      allDay,
    });
    if (out.length > MAX_WEEK_MEETINGS) {
      throw new CalendarProblem(`This week has more than ${MAX_WEEK_MEETINGS} events in the file: is it one person's calendar?`);
    }
  };

  let walked = 0;
  for (const event of [...masters.values(), ...orphans]) {
    if (!event.startDate) continue; // a VEVENT without DTSTART is not on the calendar
    if (!event.isRecurring()) {
      keep(event, event.startDate, event.endDate, event.isRecurrenceException());
      continue;
    }
    const iterator = event.iterator();
    const until = ICAL.Time.fromJSDate(new Date(walkUntil), true);
    const since = ICAL.Time.fromJSDate(new Date(weekStart - 7 * 86_400_000), true);
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++walked > MAX_EXPANDED_OCCURRENCES) {
        throw new CalendarProblem(
          `This calendar repeats events too often to expand (more than ${MAX_EXPANDED_OCCURRENCES.toLocaleString("en-US")} occurrences). Export a shorter range.`,
        );
      }
      if (next.compare(until) >= 0) break;
      if (next.compare(since) < 0) continue; // long before the week: not worth converting
      const details = event.getOccurrenceDetails(next);
      keep(details.item, details.startDate, details.endDate, true);
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title));
}

/** Not cancelled, and not declined by the user (when the file names them as an attendee). */
function attends(event: ICAL.Event, selfEmail: string | undefined): boolean {
  if (String(event.component.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED") return false;
  if (!selfEmail) return true;
  const me = `mailto:${selfEmail.toLowerCase()}`;
  const mine = event.attendees.find((a) => String(a.getFirstValue()).toLowerCase() === me);
  return String(mine?.getParameter("partstat") ?? "").toUpperCase() !== "DECLINED";
}

/**
 * An ICAL.Time as an instant: UTC and times in a zone the file defines as
 * ical.js computes them; a TZID the file does not define but this runtime
 * knows (an IANA name) through Intl; floating times in the file's zone
 * (X-WR-TIMEZONE) or the user's; an all-day date as midnight of the user's day.
 */
function instantOf(userZone: string, fileZone: string) {
  return (time: ICAL.Time): Date => {
    const { year, month, day, hour, minute, second } = time;
    if (time.isDate) return zonedInstant(year, month, day, 0, 0, 0, userZone);
    const zone = time.zone;
    if (zone === ICAL.Timezone.utcTimezone) return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    if (zone && zone !== ICAL.Timezone.localTimezone && zone.tzid !== "floating") return new Date(time.toUnixTime() * 1000);
    // ical.js keeps a TZID it could not resolve as `timezone` (not in its typings).
    const tzid = (time as unknown as { timezone?: string }).timezone;
    const named = tzid ? canonicalTimeZone(tzid) : null;
    return zonedInstant(year, month, day, hour, minute, second, named ?? fileZone);
  };
}

/** ical.js's parse error with the file's line it names, when it quotes one. */
function parseProblem(text: string, error: unknown): string {
  const message = messageOf(error);
  // ical.js ends its message with the unfolded line in quotes: "invalid line (…) \"DTSTART2026\"".
  const quoted = /["']([^"']+)["']\s*$/.exec(message)?.[1];
  const index = quoted ? text.split(/\r?\n/).findIndex((line) => line.startsWith(quoted.slice(0, 60))) : -1;
  const where = index >= 0 ? ` on line ${index + 1}` : "";
  return `This calendar file is malformed${where}: ${message.replace(/\s+/g, " ").slice(0, 200)}. Nothing was imported.`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
