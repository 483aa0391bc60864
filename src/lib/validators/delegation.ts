import { z } from "zod";
import { id, multiLine, optionalDateOnly, optionalId, orNull, singleLine, versionField } from "./common";

const score = (label: string) =>
  z
    .number(`${label} must be a number from 1 to 5.`)
    .int(`${label} is a whole number.`)
    .min(1, `${label} is from 1 to 5.`)
    .max(5, `${label} is from 1 to 5.`);

const taskFields = z.object({
  personId: id("Choose a person."),
  targetId: optionalId(),
  title: singleLine({ label: "Title", max: 200, required: "Enter a title." }),
  description: orNull(multiLine({ label: "Description", max: 5_000 })),
  competency: score("Competency"),
  criticality: score("Criticality"),
  /** Absent on creation: the suggested level is used. */
  levelId: id().optional(),
  reviewDate: optionalDateOnly,
  status: z.enum(["open", "done"]).optional().default("open"),
  /** The delegator shows the competency and criticality ratings to the delegatee (hidden from them otherwise). */
  ratingsShared: z.boolean().optional().default(false),
});

export const createTaskInput = taskFields;
export type CreateTaskInput = z.input<typeof createTaskInput>;
export const updateTaskInput = taskFields.omit({ personId: true, levelId: true }).extend({ id: id(), version: versionField });
export type UpdateTaskInput = z.input<typeof updateTaskInput>;
export const setLevelInput = z.object({
  id: id(),
  levelId: id("Choose a level."),
  reason: orNull(multiLine({ label: "Reason", max: 1_000 })),
});
/** `all`: every task of the person the actor may see (the line above sees them all); by default only those the actor delegates. */
export const personTasksInput = z.object({ personId: id(), all: z.boolean().optional() });
/** The overview across reports: `all` as for a person's review. */
export const overviewInput = z.object({ all: z.boolean().optional() }).optional();

/** A level as a new spectrum is made with it: no id, the database gives one. */
const newLevelInput = z.object({
  label: singleLine({ label: "Level name", max: 40, required: "Name the level." }),
  meaning: multiLine({ label: "Meaning", max: 200 }).optional().default(""),
  autonomy: z.number("Autonomy must be a number.").min(0, "Autonomy is from 0 to 1.").max(1, "Autonomy is from 0 to 1."),
});
/** A level of an edited spectrum: `id` names one it has, none adds a level. */
export const spectrumLevelInput = newLevelInput.extend({ id: id().optional() });

/** Levels in order: at least two, autonomy strictly increasing, labels distinct. */
const levelsOf = <T extends z.ZodType<{ label: string; autonomy: number }>>(level: T) =>
  z
    .array(level)
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
export const spectrumLevelsField = levelsOf(spectrumLevelInput);

// A new spectrum's levels carry no ids: an id sent along (another account's
// level, say) is dropped rather than inserted as the new row's primary key.
export const createSpectrumInput = z.object({
  kind: z.enum(["m30", "situational", "custom"]),
  name: singleLine({ label: "Name", max: 80, required: "Name the spectrum." }).optional(),
  levels: levelsOf(newLevelInput).optional(),
});
/** `version`: the spectrum as the editor loaded it; a stale editor must not remove levels it never saw. */
export const updateSpectrumInput = z.object({
  id: id(),
  version: versionField,
  name: singleLine({ label: "Name", max: 80, required: "Name the spectrum." }),
  levels: spectrumLevelsField,
});

// --- Delegation seen from both sides: proposals and delegation poker ---

/** The delegatee proposes a level for one of their tasks. `fromLevelId`: the level they saw it at (a stale page is refused). */
export const proposeLevelInput = z.object({
  taskId: id(),
  fromLevelId: id(),
  levelId: id("Choose a level."),
  reason: multiLine({ label: "Reason", max: 1_000, required: "Say why you would like this level." }),
});
export type ProposeLevelInput = z.input<typeof proposeLevelInput>;

/** The delegator's answer to a proposal: accepting changes the level; declining needs a reason, which the delegatee reads. */
export const decideProposalInput = z
  .object({
    id: id(),
    decision: z.enum(["accept", "decline"], "Accept or decline."),
    reason: orNull(multiLine({ label: "Reason", max: 1_000 })),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "decline" && !value.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why you decline, so they know." });
  });
export type DecideProposalInput = z.input<typeof decideProposalInput>;

/** A poker round on one or more tasks the actor delegates, all to the same person. */
export const startPokerInput = z.object({
  taskIds: z.array(id()).min(1, "Choose at least one task.").max(20, "At most 20 tasks in a round."),
});
export const pokerPickInput = z.object({ itemId: id(), levelId: id("Choose a level.") });
export const pokerAgreeInput = z.object({
  itemId: id(),
  levelId: id("Choose a level."),
  reason: orNull(multiLine({ label: "Reason", max: 1_000 })),
});
