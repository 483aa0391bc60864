import { daysBetween } from "@/lib/one-on-ones/days";

/** How far back a missed slot can still be filled in. */
export const MAX_DAYS_BACK = 366;

/**
 * Why energy cannot be logged for `day` (null: it can). A day to log for is
 * the user's today or earlier: not the future, not more than a year back.
 */
export function logDayProblem(day: string, today: string): string | null {
  if (day > today) return "That day has not come yet: log energy for today or earlier.";
  if (daysBetween(day, today) > MAX_DAYS_BACK) return "That day is more than a year ago.";
  return null;
}
