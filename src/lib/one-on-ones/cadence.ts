import { cadenceInDays, type Cadence } from "@/lib/people/ladder";
import { addDays, daysBetween } from "./days";

/**
 * Where a person's 1:1s stand today.
 * - `scheduled`: the next one is booked, on or before it is due.
 * - `late`: booked, but after it is due by the cadence.
 * - `overdue`: not booked and past due, or booked on a day now past and not held.
 * - `due`: not booked and due soon: within a third of the cadence (a week at most).
 * - `ok`: not due yet.
 * - `none`: no cadence ("none") and nothing booked: never due (`dueDay` is today, for the booking form).
 */
export type DueState = "scheduled" | "late" | "overdue" | "due" | "ok" | "none";

export type DueInput = {
  cadence: Cadence;
  cadenceDays: number | null;
  /** Day of the last held 1:1, in the user's time zone. */
  lastHeldDay: string | null;
  /** Day the person was added: with no 1:1 held yet, the first is due one cadence after it. */
  addedDay: string;
  /** Day of the earliest 1:1 still scheduled (not held, not cancelled). */
  nextScheduledDay: string | null;
  today: string;
};

export type Due = { state: DueState; dueDay: string; daysOverdue: number };

/** The day the next 1:1 is due (the last one, or the day the person was added, plus the cadence) and its state. */
export function oneOnOneDue({ cadence, cadenceDays, lastHeldDay, addedDay, nextScheduledDay, today }: DueInput): Due {
  const every = cadenceInDays(cadence, cadenceDays);
  if (every === null) {
    // No cadence: a booking still stands (or is overdue once its day passed); nothing else is due.
    if (nextScheduledDay && nextScheduledDay < today)
      return { state: "overdue", dueDay: nextScheduledDay, daysOverdue: daysBetween(nextScheduledDay, today) };
    return { state: nextScheduledDay ? "scheduled" : "none", dueDay: nextScheduledDay ?? today, daysOverdue: 0 };
  }
  const dueDay = addDays(lastHeldDay ?? addedDay, every);
  const daysOverdue = Math.max(0, daysBetween(dueDay, today));
  if (nextScheduledDay) {
    if (nextScheduledDay < today)
      return { state: "overdue", dueDay, daysOverdue: Math.max(daysOverdue, daysBetween(nextScheduledDay, today)) };
    const late = lastHeldDay !== null && nextScheduledDay > dueDay;
    return { state: late ? "late" : "scheduled", dueDay, daysOverdue: 0 };
  }
  if (dueDay < today) return { state: "overdue", dueDay, daysOverdue };
  if (daysBetween(today, dueDay) <= Math.min(7, Math.floor(every / 3))) return { state: "due", dueDay, daysOverdue: 0 };
  return { state: "ok", dueDay, daysOverdue: 0 };
}

/** Reads the user's calendar: their today, and the day an instant falls on for them (the server's UserClock is one). */
export type DayClock = { today: string; dayOf: (instant: Date) => string };

/** A person's held and booked 1:1s, as the meeting stats query counts them (none yet: undefined). */
export type MeetingTimes = { lastHeldAt: Date | null; nextScheduledAt: Date | null };

/** Where a person's 1:1s stand, from their row and their 1:1s, in the user's days. */
export function dueOf(
  person: { cadence: Cadence; cadenceDays: number | null; createdAt: Date },
  meetings: MeetingTimes | undefined,
  clock: DayClock,
): Due {
  return oneOnOneDue({
    cadence: person.cadence,
    cadenceDays: person.cadenceDays,
    addedDay: clock.dayOf(person.createdAt),
    lastHeldDay: meetings?.lastHeldAt ? clock.dayOf(meetings.lastHeldAt) : null,
    nextScheduledDay: meetings?.nextScheduledAt ? clock.dayOf(meetings.nextScheduledAt) : null,
    today: clock.today,
  });
}

const DUE_RANK: Record<DueState, number> = { overdue: 0, due: 1, late: 2, scheduled: 3, ok: 4, none: 5 };

/** The 1:1s overview's order: overdue first, then due soon, booked late, booked, not due; then by due day, then by name. */
export function byDueThenName(a: { name: string; due: Due }, b: { name: string; due: Due }): number {
  return DUE_RANK[a.due.state] - DUE_RANK[b.due.state] || a.due.dueDay.localeCompare(b.due.dueDay) || a.name.localeCompare(b.name);
}

/**
 * After a 1:1 is held, the next one to book at the cadence: the day it falls
 * due (the held day plus the cadence), offered to both people while this is
 * the latest held 1:1 and nothing is booked ahead. Null when there is nothing
 * to offer.
 */
export function nextBookingOffer({
  status,
  heldDay,
  latestHeldDay,
  cadence,
  cadenceDays,
  bookedAhead,
}: {
  status: "scheduled" | "held" | "cancelled";
  heldDay: string | null;
  latestHeldDay: string | null;
  cadence: Cadence;
  cadenceDays: number | null;
  bookedAhead: boolean;
}): { dueDay: string } | null {
  if (status !== "held" || !heldDay || bookedAhead) return null;
  if (latestHeldDay && latestHeldDay > heldDay) return null;
  const every = cadenceInDays(cadence, cadenceDays);
  return every === null ? null : { dueDay: addDays(heldDay, every) };
}
