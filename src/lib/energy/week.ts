import { addDays } from "@/lib/one-on-ones/days";

/** Weeks start on Monday. The week a calendar day belongs to, as its Monday. */
export function weekStartOf(isoDay: string): string {
  const weekday = new Date(`${isoDay}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDay, -((weekday + 6) % 7));
}

/** The seven days of a week, Monday first. */
export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** A Monday, as `YYYY-MM-DD`. Anything else (not a day at all, too) is false, never an error. */
export function isWeekStart(isoDay: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay) || Number.isNaN(Date.parse(`${isoDay}T12:00:00Z`))) return false;
  return weekStartOf(isoDay) === isoDay;
}
