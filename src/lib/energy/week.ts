import { addDays, daysBetween } from "@/lib/one-on-ones/days";

/** Weeks start on Monday. The week a calendar day belongs to, as its Monday. */
export function weekStartOf(isoDay: string): string {
  const weekday = new Date(`${isoDay}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDay, -((weekday + 6) % 7));
}

/** The seven days of a week, Monday first. */
export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

export function isWeekStart(isoDay: string): boolean {
  return weekStartOf(isoDay) === isoDay;
}

/** Whole weeks from one Monday to another. */
export function weeksBetween(from: string, to: string): number {
  return Math.round(daysBetween(from, to) / 7);
}
