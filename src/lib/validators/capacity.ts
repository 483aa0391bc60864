import { z } from "zod";
import { SLOTS } from "@/lib/energy/slots";
import { isWeekStart } from "@/lib/energy/week";
import { dateOnly, id, multiLine, orNull, singleLine, versionField, versionOrNewField } from "./common";

const level = z
  .number("Choose a level from 1 to 10.")
  .int("A level is a whole number.")
  .min(1, "A level is from 1 to 10.")
  .max(10, "A level is from 1 to 10.");
const hoursInDay = z.number("Enter hours.").min(0, "Hours are from 0 to 24.").max(24, "Hours are from 0 to 24.");
const tags = z
  .array(singleLine({ label: "A tag", max: 40, required: "A tag cannot be empty." }))
  .max(12, "At most 12 tags.")
  .default([]);
const note = orNull(multiLine({ label: "A note", max: 2_000 }));

export const weekInput = z.object({ weekStart: dateOnly.refine(isWeekStart, "A week starts on a Monday.").optional() });
export const logEnergyInput = z.object({ day: dateOnly, slot: z.enum(SLOTS, "Choose a slot."), level, tags, note });
export const updateEnergyInput = z.object({ id: id(), level, tags, note });
export const productiveHoursInput = z.object({ day: dateOnly, hours: hoursInDay.nullable() });
export const weeklyReviewInput = z.object({
  weekStart: dateOnly.refine(isWeekStart, "A week starts on a Monday."),
  drains: note,
  restores: note,
  change: note,
  /** The answers' version when the form opened; 0 when the week had none yet. */
  version: versionOrNewField,
});

export const capacitySettingsInput = z.object({
  weekStart: dateOnly.refine(isWeekStart, "A week starts on a Monday."),
  availableHours: z.number("Enter hours.").min(0, "Hours are from 0 to 168.").max(168, "A week has 168 hours."),
  deepWorkCapPerDay: hoursInDay,
  bufferPercent: z.number("Enter a percentage.").int("A whole percentage.").min(0, "From 0 to 90%.").max(90, "From 0 to 90%."),
  oneOnOneMinutes: z.number("Enter minutes.").int("Whole minutes.").min(0, "From 0 to 240 minutes.").max(240, "From 0 to 240 minutes."),
  /** The version of this week's own settings when the form opened; 0 when the week had none (defaults or an earlier week's). */
  version: versionOrNewField,
});

const itemFields = z.object({
  title: singleLine({ label: "Title", max: 200, required: "Say what the work is." }),
  hours: z.number("Enter hours.").gt(0, "More than 0 hours.").max(168, "A week has 168 hours."),
  deepWork: z.boolean().default(false),
});
export const addCapacityItemInput = itemFields.extend({
  weekStart: dateOnly.refine(isWeekStart, "A week starts on a Monday."),
  recurring: z.boolean().default(false),
});
export const updateCapacityItemInput = itemFields.extend({ id: id(), version: versionField });
/** Removing a recurring item ends it before this week; a one-off is deleted. */
export const removeCapacityItemInput = z.object({ id: id(), weekStart: dateOnly.refine(isWeekStart, "A week starts on a Monday.") });
