/** How much of a calendar file the audit reads: checked in the browser before sending and on the server before parsing. */
export const MAX_CALENDAR_BYTES = 2 * 1024 * 1024;
/** Events (VEVENTs) in one file: a year of a busy calendar is a few thousand. */
export const MAX_CALENDAR_EVENTS = 20_000;
/** Meetings kept for one week: more is not a calendar of one person. */
export const MAX_WEEK_MEETINGS = 500;
/** Occurrences walked while expanding the repeating events of one file (an every-minute rule must not hang the server). */
export const MAX_EXPANDED_OCCURRENCES = 50_000;

export const TOO_LARGE_MESSAGE = `This calendar file is larger than ${MAX_CALENDAR_BYTES / 1024 / 1024} MB. Export a shorter range (a month around the week) and import that.`;

/** The UTF-8 size of the file's text, as the server counts it. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
