import { z } from "zod";
import { notInThePast, scheduleInput } from "@/lib/validators/one-on-ones";

/**
 * The schedule dialog's schema. The field holds the browser's `datetime-local` text (no zone);
 * the shared meeting-time rule checks it once read as a time in the browser's zone. Imported on
 * the dialog's first submit, with zod.
 */
export const whenForm = z
  .object({
    scheduledAt: z.preprocess((v) => (typeof v === "string" && v ? new Date(v) : undefined), scheduleInput.shape.scheduledAt),
    /** The user records a 1:1 that already happened: only then may the time be in the past. */
    past: z.boolean(),
  })
  .superRefine(notInThePast);
