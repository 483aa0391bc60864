import { z } from "zod";
import { MAX_CALENDAR_BYTES, TOO_LARGE_MESSAGE } from "@/lib/calendar-audit/limits";
import { isWeekStart } from "@/lib/energy/week";
import { MEETING_EFFECTS } from "@/lib/calendar-audit/effects";
import { dateOnly, id, orNull, singleLine, versionField } from "./common";

const weekStart = dateOnly.refine(isWeekStart, "A week starts on a Monday.");

/** The activity a meeting is tagged with: an energy log tag, the same rule as the log's. */
export const meetingActivity = orNull(singleLine({ label: "An activity", max: 40 }));

export const importCalendarInput = z.object({
  weekStart,
  // Characters, a first bound; the service counts the bytes before parsing (limits.ts).
  file: z
    .string("Choose a calendar file (.ics).")
    .min(1, "The file is empty.")
    .max(MAX_CALENDAR_BYTES, TOO_LARGE_MESSAGE)
    // A calendar export is text: a NUL means a binary file (or a zip of the export).
    .refine((text) => !text.includes("\u0000"), "This is not a calendar file: an .ics export is text, and this file is binary."),
});
export const calendarWeekInput = z.object({ weekStart: weekStart.optional() });
export const clearCalendarWeekInput = z.object({ weekStart });
export const tagMeetingInput = z.object({
  id: id(),
  activity: meetingActivity,
  effect: z.enum(MEETING_EFFECTS, "Choose draining, neutral or energising.").nullable(),
  version: versionField,
});
