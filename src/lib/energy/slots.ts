import { formatterCache } from "../time-zone";

export const SLOTS = ["start", "middle", "end"] as const;
export type Slot = (typeof SLOTS)[number];
export const SLOT_LABELS: Record<Slot, string> = { start: "Start of day", middle: "Midday", end: "End of day" };

/** Activity tags offered by default; users add their own. */
export const DEFAULT_TAGS = ["meetings", "1:1s", "deep work", "incidents", "hiring", "planning", "rest"] as const;

const hourFormat = formatterCache(64, { hour: "2-digit", hourCycle: "h23" }, "en-GB");

/** The slot a moment belongs to in the user's day: before 11:00 the start, before 15:00 the middle, then the end. */
export function slotAt(instant: Date, timeZone: string): Slot {
  const hour = Number(hourFormat(timeZone).format(instant));
  return hour < 11 ? "start" : hour < 15 ? "middle" : "end";
}

/** Tags as typed: trimmed, lower-case, no blanks or repeats. */
export function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}
