import { z } from "zod";

// The one place that decides what a date accepts. Years like 0000 or 9999 are
// typing slips, not plans: they broke date arithmetic and PostgreSQL's range
// (a 500) and pages' layouts. Every day string and instant a validator takes
// is built here, and so are the numbers a person types as a measurement.

export const FIRST_DAY = "1970-01-01";
export const LAST_DAY = "2200-12-31";
const FIRST_MS = Date.UTC(1970, 0, 1);
const LAST_MS = Date.UTC(2200, 11, 31, 23, 59, 59, 999);
const RANGE_MESSAGE = "Use a date between 1970 and 2200.";

/** A real calendar day as YYYY-MM-DD (2026-02-30 is not: Date.parse would roll it over to March). */
function isRealDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** A real calendar day as YYYY-MM-DD between FIRST_DAY and LAST_DAY; anything else is false, never an error. */
export function isDayInRange(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= FIRST_DAY && value <= LAST_DAY && isRealDay(value);
}

/** An instant between the first day's start and the last day's end (UTC). */
export function isInstantInRange(value: Date): boolean {
  const time = value.getTime();
  return !Number.isNaN(time) && time >= FIRST_MS && time <= LAST_MS;
}

/** A calendar date as YYYY-MM-DD (no time, no zone), in the supported range. */
export const dateOnly = z
  .string("Use a date like 2026-03-31.")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31.")
  .refine((v) => v >= FIRST_DAY && v <= LAST_DAY, RANGE_MESSAGE)
  .refine(isRealDay, "Not a real date.");

/** An optional day: absent, null or "" (an emptied date input) mean null. */
export const optionalDateOnly = z.preprocess((v) => (v === "" ? null : v), dateOnly.nullable().optional()).transform((v) => v ?? null);

/**
 * A point in time: a Date, or an ISO string (the REST API and older clients send
 * strings). null or a number is refused: `new Date(null)` is 1970-01-01, which
 * is how a check-in with `at: null` was stored as the epoch.
 */
export const instant = (message = "Use a date and time.") =>
  z
    .union([z.date(message), z.iso.datetime({ offset: true, message }).transform((v) => new Date(v))], message)
    .refine((d) => !Number.isNaN(d.getTime()), message)
    .refine(isInstantInRange, RANGE_MESSAGE);

/** The largest magnitude a measured value may have: past it, a value is a typing slip that breaks charts and layouts. */
export const MAX_MAGNITUDE = 1e12;

/** A finite number with |v| ≤ 1e12. */
export const measurement = (label: string) =>
  z
    .number(`${label} must be a number.`)
    .refine(Number.isFinite, `${label} must be a finite number.`)
    .refine((v) => Math.abs(v) <= MAX_MAGNITUDE, `${label} must be between -1,000,000,000,000 and 1,000,000,000,000.`);
