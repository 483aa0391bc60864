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

/** The calendar year of an instant in a zone (the browser's without one). */
function yearIn(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en", { year: "numeric", timeZone }).format(date);
}

/**
 * A date (and time) written as `options` ask, with its year whenever it is
 * not in the current year (of `now`): "Mon 3 Mar, 10:00" this year, "Mon 3 Mar
 * 2025, 10:00" otherwise, so a 1:1 last December never reads as next one.
 * In the display locale and, in the browser, the user's zone (useTimeZone()),
 * so the server and the browser write the same text.
 */
export function formatDate(
  date: Date,
  options: Intl.DateTimeFormatOptions,
  { now = new Date(), locale = DISPLAY_LOCALE, timeZone }: { now?: Date; locale?: string; timeZone?: string } = {},
): string {
  const zone = timeZone ?? options.timeZone;
  const year = yearIn(date, zone) !== yearIn(now, zone) ? { year: "numeric" as const } : {};
  return date.toLocaleString(locale, { ...options, ...year, timeZone: zone });
}

/**
 * "due in 3 weeks", "due today", "2 days overdue", counted from `today`: the
 * user's calendar day (`todayIn(timeZone)` from ./today, or a read model's
 * `today`), so a date is not overdue on one page and due today on another.
 */
export function dueIn(isoDay: string, today: string): string {
  const days = Math.round((Date.parse(`${isoDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
  if (days === 0) return "due today";
  if (days < 0) return `${-days} day${days === -1 ? "" : "s"} overdue`;
  if (days < 14) return `due in ${days} day${days === 1 ? "" : "s"}`;
  if (days < 60) return `due in ${Math.round(days / 7)} weeks`;
  return `due in ${Math.round(days / 30)} months`;
}

/** The most decimals a value is shown with. */
const MAX_DECIMALS = 4;

/**
 * The decimals one value needs: four significant digits, none from 1,000 up,
 * at most MAX_DECIMALS. 710.4 needs 1, 696 needs 0, 99.95 needs 2.
 */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || value === 0 || Math.abs(value) >= 1000) return 0;
  const text = Number(value.toPrecision(4)).toFixed(MAX_DECIMALS).replace(/0+$/, "");
  return Math.min(MAX_DECIMALS, text.length - text.indexOf(".") - 1);
}

/** The decimals values shown together share: the most any of them needs, so "710.4 ms → 696.0 ms: −14.4 ms". */
export function sharedDecimals(values: readonly (number | null | undefined)[]): number {
  return values.reduce<number>((d, v) => (v === null || v === undefined ? d : Math.max(d, decimalsOf(v))), 0);
}

function withUnit(text: string, unit?: string | null): string {
  if (!unit) return text;
  return unit === "%" ? `${text}%` : `${text} ${unit}`;
}

function digits(value: number, decimals: number): string {
  return value.toLocaleString("en", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * A metric value with its unit: "99.95%", "320 ms", "12,346 req/s". The one
 * way a value is written: `decimals` (see sharedDecimals) when it is shown
 * beside others, otherwise the value's own (decimalsOf).
 */
export function formatValue(value: number | null | undefined, unit?: string | null, decimals?: number): string {
  if (value === null || value === undefined) return "—";
  return withUnit(digits(value, decimals ?? decimalsOf(value)), unit);
}

/** A change with its sign: "+2.5 ms", "−14.4 ms" (a true minus), with the decimals of the values it is between. */
export function formatChange(delta: number, unit: string | null | undefined, decimals: number): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "";
  return `${sign}${formatValue(Math.abs(delta), unit, decimals)}`;
}

/** A formatter for values shown together (a row, a sentence, a column): they all share one precision. */
export function valueFormatter(values: readonly (number | null | undefined)[], unit?: string | null) {
  const decimals = sharedDecimals(values);
  return (value: number | null | undefined) => formatValue(value, unit, decimals);
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
