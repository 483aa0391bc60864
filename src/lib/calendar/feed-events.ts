import { createEvents, type EventAttributes } from "ics";
import { addDays } from "../one-on-ones/days";

/**
 * The calendar feed's events, from rows the server has already read through
 * the access kernel: pure, so the rules (titles, links, UIDs, days) are
 * unit-tested without a database.
 *
 * Times are written in UTC ("20261203T093000Z"), on purpose: a UTC instant
 * means one moment for every client, and Google Calendar, Outlook and Apple
 * Calendar all show it in the calendar's own zone, which is the user's. A
 * TZID local time needs a VTIMEZONE block that `ics` does not write and that
 * Outlook is strict about; a zone the user changes in Intersect would also
 * leave old events in the old zone until the client refreshes. The all-day
 * reminders are dates (no time), taken in the user's zone by the server.
 */

/** A 1:1 keeps no length; the feed shows it as half an hour. */
export const MEETING_MINUTES = 30;

/** One 1:1 as the feed's reader is a side of it. */
export type FeedMeeting = {
  id: string;
  status: "scheduled" | "held";
  scheduledAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** The reader's side: the manager (the event names the report) or the report (it names the manager). */
  side: "manager" | "report";
  /** The person of the 1:1 (the report). */
  personId: string;
  /** The other side's name, as the title shows it. */
  otherName: string;
};

/** A report whose next 1:1 is due (or overdue) and not booked: an all-day reminder to the manager. */
export type FeedReminder = {
  personId: string;
  name: string;
  /** The day it fell due, in the manager's zone. */
  dueDay: string;
  /** The manager's today: an overdue reminder stands on today, not on a day gone by. */
  today: string;
};

/** The page that prepares a 1:1: the manager's prep for this person, or the report's own. */
export function prepPath(meeting: Pick<FeedMeeting, "side" | "personId">): string {
  return meeting.side === "manager" ? `/one-on-ones/${meeting.personId}/prep` : "/one-on-ones/prep";
}

/**
 * SEQUENCE grows with every change of the 1:1 (moved, held): the seconds from
 * its creation to its last change, so it needs no counter of its own and
 * never goes down while `updatedAt` only moves forward.
 */
export function sequenceOf(meeting: Pick<FeedMeeting, "createdAt" | "updatedAt">): number {
  return Math.max(0, Math.floor((meeting.updatedAt.getTime() - meeting.createdAt.getTime()) / 1000));
}

export const meetingUid = (id: string) => `one-on-one-${id}@intersect`;
export const reminderUid = (personId: string) => `due-${personId}@intersect`;

/** A booked or held 1:1 as an event: stable UID, its instant in UTC, a link to its prep page (or, once held, its notes). */
export function meetingEvent(meeting: FeedMeeting, origin: string): EventAttributes {
  const link = meeting.status === "held" ? `${origin}/one-on-ones/meeting/${meeting.id}` : `${origin}${prepPath(meeting)}`;
  return {
    uid: meetingUid(meeting.id),
    title: `1:1 with ${meeting.otherName}`,
    start: meeting.scheduledAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: MEETING_MINUTES },
    description: meeting.status === "held" ? `Held. Notes and actions: ${link}` : `Prepare in Intersect: ${link}`,
    url: link,
    status: "CONFIRMED",
    sequence: sequenceOf(meeting),
    lastModified: meeting.updatedAt.getTime(),
    // DTSTAMP: when this version of the event was made, the 1:1's last change (not each fetch, which would look like a change).
    ...({ timestamp: meeting.updatedAt.getTime() } as object),
  };
}

const dateArray = (isoDay: string): [number, number, number] => {
  const [y, m, d] = isoDay.split("-").map(Number);
  return [y!, m!, d!];
};

/** An all-day reminder to book a 1:1, on the day it is due (today, once overdue); stable UID per person. */
export function reminderEvent(reminder: FeedReminder, origin: string, generatedAt: Date): EventAttributes {
  const day = reminder.dueDay < reminder.today ? reminder.today : reminder.dueDay;
  const link = `${origin}/one-on-ones/${reminder.personId}`;
  const overdue = reminder.dueDay < reminder.today;
  return {
    uid: reminderUid(reminder.personId),
    title: `Book a 1:1 with ${reminder.name}${overdue ? " (overdue)" : ""}`,
    start: dateArray(day),
    end: dateArray(addDays(day, 1)),
    description: `${overdue ? `Due since ${reminder.dueDay}` : "Due"}, not booked yet. Book it in Intersect: ${link}`,
    url: link,
    // A reminder, not a meeting: it does not make the day busy.
    transp: "TRANSPARENT",
    busyStatus: "FREE",
    ...({ timestamp: generatedAt.getTime() } as object),
  };
}

/** The whole calendar as text/calendar. An event `ics` refuses is a bug in the rows above: it throws. */
export function calendarText(events: EventAttributes[], calendarName: string): string {
  const { error, value } = createEvents(events, { productId: "-//Intersect//1:1s//EN", calName: calendarName, method: "PUBLISH" });
  if (error || value === null) throw error ?? new Error("The calendar could not be written.");
  // `ics` writes Outlook's refresh hint (X-PUBLISHED-TTL:PT1H); RFC 7986's goes beside it, for Apple Calendar and others.
  return value.replace("\r\nX-PUBLISHED-TTL:PT1H\r\n", "\r\nX-PUBLISHED-TTL:PT1H\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
}
