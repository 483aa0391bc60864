/** Dates and numbers for display. */
const DAY = 86_400_000;

/**
 * The one locale dates are written in. Pages render on the server and again in
 * the browser: the runtime's default locale (or zone) differs between the two,
 * and a date written in each would not hydrate (React error #418).
 */
export const DISPLAY_LOCALE = "en-US";

export function formatDay(isoDay: string, locale: string = DISPLAY_LOCALE): string {
  return new Date(`${isoDay}T12:00:00Z`).toLocaleDateString(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** A moment in the user's zone (`timeZone`, from useTimeZone() in the browser): never the runtime's own zone. */
export function formatDateTime(date: Date, locale: string = DISPLAY_LOCALE, timeZone?: string): string {
  return date.toLocaleString(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone });
}

/**
 * "due in 3 weeks", "due today", "2 days overdue", counted from `today`: the
 * user's calendar day (`todayIn(timeZone)` from ./today, or a read model's
 * `today`), so a date is not overdue on one page and due today on another.
 */
/** A moment with the given fields, in the display locale and the user's zone. */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions, timeZone: string): string {
  return date.toLocaleString(DISPLAY_LOCALE, { ...options, timeZone });
}

export function dueIn(isoDay: string, today: string): string {
  const days = Math.round((Date.parse(`${isoDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
  if (days === 0) return "due today";
  if (days < 0) return `${-days} day${days === -1 ? "" : "s"} overdue`;
  if (days < 14) return `due in ${days} day${days === 1 ? "" : "s"}`;
  if (days < 60) return `due in ${Math.round(days / 7)} weeks`;
  return `due in ${Math.round(days / 30)} months`;
}

/** A metric value with its unit: "99.95%", "320 ms". */
export function formatValue(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined) return "—";
  const text = Math.abs(value) >= 1000 ? Math.round(value).toLocaleString("en") : Number(value.toPrecision(6)).toString();
  if (!unit) return text;
  return unit === "%" ? `${text}%` : `${text} ${unit}`;
}

/** "today", "yesterday", "3 days ago", "5 weeks ago", "in 2 days": days between two calendar days. */
export function relativeDay(isoDay: string, today: string): string {
  const days = Math.round((Date.parse(`${isoDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
  if (days === 0) return "today";
  if (days === -1) return "yesterday";
  if (days === 1) return "tomorrow";
  const n = Math.abs(days);
  const span = n < 14 ? `${n} days` : n < 60 ? `${Math.round(n / 7)} weeks` : `${Math.round(n / 30)} months`;
  return days < 0 ? `${span} ago` : `in ${span}`;
}
