import { cadenceInDays, type Cadence } from "@/lib/people/ladder";
import { addDays, daysBetween } from "./days";

/**
 * Where a person's 1:1s stand today.
 * - `scheduled`: the next one is booked, on or before it is due.
 * - `late`: booked, but after it is due by the cadence.
 * - `overdue`: not booked and past due, or booked on a day now past and not held.
 * - `due`: not booked and due soon: within a third of the cadence (a week at most).
 * - `ok`: not due yet.
 */
export type DueState = "scheduled" | "late" | "overdue" | "due" | "ok";

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
  const dueDay = addDays(lastHeldDay ?? addedDay, every);
  const daysOverdue = Math.max(0, daysBetween(dueDay, today));
  if (nextScheduledDay) {
    if (nextScheduledDay < today) return { state: "overdue", dueDay, daysOverdue: Math.max(daysOverdue, daysBetween(nextScheduledDay, today)) };
    const late = lastHeldDay !== null && nextScheduledDay > dueDay;
    return { state: late ? "late" : "scheduled", dueDay, daysOverdue: 0 };
  }
  if (dueDay < today) return { state: "overdue", dueDay, daysOverdue };
  if (daysBetween(today, dueDay) <= Math.min(7, Math.floor(every / 3))) return { state: "due", dueDay, daysOverdue: 0 };
  return { state: "ok", dueDay, daysOverdue: 0 };
}
