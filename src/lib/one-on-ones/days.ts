/** Calendar days as ISO strings ("2026-11-24"), in a given time zone. */
import { formatterCache } from "../time-zone";

const DAY = 86_400_000;

// Home on a large account spent most of its time making formatters: they are
// cached, a few dozen zones at most. en-CA formats as YYYY-MM-DD.
const dayFormat = formatterCache(64, { year: "numeric", month: "2-digit", day: "2-digit" }, "en-CA");

/** The calendar day an instant falls on for someone in `timeZone` (UTC for a zone this runtime does not know). */
export function dayIn(instant: Date, timeZone: string): string {
  return dayFormat(timeZone).format(instant);
}

export function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}
