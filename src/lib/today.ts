import { dayIn } from "./one-on-ones/days";
import { usableTimeZone } from "./time-zone";

/**
 * The one definition of "today": the user's calendar day in their time zone
 * (UTC for a zone this runtime does not know), never the server's UTC date. The
 * server's clock (services/kernel/clock.ts) and the browser (useToday) both
 * read it here, so a date is due or overdue on every page at the same moment.
 */
export function todayIn(timeZone: string | null | undefined, now = new Date()): string {
  return dayIn(now, usableTimeZone(timeZone));
}
