/** Calendar days as ISO strings ("2026-11-24"), in a given time zone. */
const DAY = 86_400_000;

// Making an Intl.DateTimeFormat costs far more than using one (it loads the
// zone's rules): Home on a large account spent most of its time here, so one
// formatter is kept per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on for someone in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

export function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}
