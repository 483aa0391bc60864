import { z } from "zod";
import { dateOnly } from "./people";
import { versionField } from "./version";

const score = (label: string) => z.number(`${label} must be a number from 1 to 5.`).int(`${label} is a whole number.`).min(1, `${label} is from 1 to 5.`).max(5, `${label} is from 1 to 5.`);

const taskFields = z.object({
  personId: z.uuid("Choose a person."),
  targetId: z.uuid().nullable().optional().transform((v) => v ?? null),
  title: z.string().trim().min(1, "Enter a title.").max(200, "Title is at most 200 characters."),
  description: z.string().trim().max(5_000, "Description is at most 5,000 characters.").nullable().optional().transform((v) => v || null),
  competency: score("Competency"),
  criticality: score("Criticality"),
  /** Absent on creation: the suggested level is used. */
  levelId: z.uuid().optional(),
  reviewDate: dateOnly.nullable().optional().or(z.literal("").transform(() => null)).transform((v) => v ?? null),
  status: z.enum(["open", "done"]).optional().default("open"),
});

export const createTaskInput = taskFields;
export type CreateTaskInput = z.input<typeof createTaskInput>;
export const updateTaskInput = taskFields.omit({ personId: true, levelId: true }).extend({ id: z.uuid(), version: versionField });
export type UpdateTaskInput = z.input<typeof updateTaskInput>;
export const setLevelInput = z.object({
  id: z.uuid(),
  levelId: z.uuid("Choose a level."),
  reason: z.string().trim().max(1_000, "Reason is at most 1,000 characters.").nullable().optional().transform((v) => v || null),
});
export const personTasksInput = z.object({ personId: z.uuid() });

export const spectrumLevelInput = z.object({
  id: z.uuid().optional(),
  label: z.string().trim().min(1, "Name the level.").max(40, "At most 40 characters."),
  meaning: z.string().trim().max(200, "At most 200 characters.").optional().default(""),
  autonomy: z.number().min(0, "Autonomy is from 0 to 1.").max(1, "Autonomy is from 0 to 1."),
});

/** Levels in order: at least two, autonomy strictly increasing, labels distinct. */
export const spectrumLevelsField = z
  .array(spectrumLevelInput)
  .min(2, "A spectrum needs at least two levels.")
  .max(12, "At most 12 levels.")
  .superRefine((levels, ctx) => {
    levels.forEach((level, i) => {
      if (i > 0 && level.autonomy <= levels[i - 1]!.autonomy) {
        ctx.addIssue({ code: "custom", path: [i, "autonomy"], message: "Each level needs more autonomy than the one before." });
      }
    });
    const labels = levels.map((l) => l.label.toLowerCase());
    if (new Set(labels).size !== labels.length) ctx.addIssue({ code: "custom", path: [], message: "Level names must differ." });
  });

export const createSpectrumInput = z.object({
  kind: z.enum(["m30", "situational", "custom"]),
  name: z.string().trim().min(1, "Name the spectrum.").max(80).optional(),
  levels: spectrumLevelsField.optional(),
});
/** `version`: the spectrum as the editor loaded it; a stale editor must not remove levels it never saw. */
export const updateSpectrumInput = z.object({ id: z.uuid(), version: versionField, name: z.string().trim().min(1).max(80), levels: spectrumLevelsField });
