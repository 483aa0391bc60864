import { weekStartOf } from "@/lib/energy/week";
import { isDayInRange } from "@/lib/validators/dates";

/**
 * `?week=` as a Monday: any day the validators accept becomes its week's Monday;
 * anything else (not a day, or outside 1970–2200 like 9999-12-31) means this week.
 * The Monday of 1970-01-01's week is in 1969: the first week shown is the next one.
 */
export function weekParam(raw: string | string[] | undefined): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !isDayInRange(value)) return undefined;
  const monday = weekStartOf(value);
  return isDayInRange(monday) ? monday : undefined;
}
