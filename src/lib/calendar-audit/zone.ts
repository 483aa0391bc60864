import { formatterCache } from "../time-zone";

// en-CA with h23: "2026-11-24, 13:05:00", the parts read back as numbers.
const partsFormat = formatterCache(
  64,
  { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
  "en-CA",
);

/** How far `timeZone`'s wall clock is ahead of UTC at this instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour! % 24, +parts.minute!, +parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time names in `timeZone` (a floating time of a
 * calendar, or midnight of a day). Twice round: the offset at the first guess
 * can differ from the offset at the answer across a daylight-saving change.
 */
export function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

/** Midnight at the start of a calendar day (`YYYY-MM-DD`) in `timeZone`. */
export function midnightIn(isoDay: string, timeZone: string): Date {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  return zonedInstant(y, m, d, 0, 0, 0, timeZone);
}
