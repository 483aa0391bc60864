import { z } from "zod";
import { pageInput } from "@/lib/keyset";
import { HEALTHS } from "@/lib/targets/status";
import { DIRECTIONS, MAX_COMMENT_LENGTH, MAX_STATUS_LENGTH, TARGET_KINDS, TARGET_STATUSES } from "@/lib/targets/labels";
import { dateOnly, id, instant, measurement, multiLine, optionalId, orNull, singleLine, versionField, versionOrNewField } from "./common";

export {
  DIRECTION_LABELS,
  DIRECTIONS,
  TARGET_KIND_LABELS,
  TARGET_KINDS,
  TARGET_STATUS_LABELS,
  TARGET_STATUSES,
} from "@/lib/targets/labels";

const optionalNumber = (label: string) =>
  measurement(label)
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** The most people who can own one target together. */
export const MAX_TARGET_OWNERS = 10;

export const targetFields = z.object({
  title: singleLine({ label: "Title", max: 200, required: "Enter a title." }),
  description: orNull(multiLine({ label: "Description", max: 20_000 })),
  kind: z.enum(TARGET_KINDS, "Choose a kind."),
  status: z.enum(TARGET_STATUSES).optional().default("active"),
  areaId: optionalId(),
  ownerIds: z.array(id()).min(1, "Choose at least one owner.").max(MAX_TARGET_OWNERS, `At most ${MAX_TARGET_OWNERS} owners.`),
  startDate: dateOnly,
  dueDate: dateOnly,
  /** The controller shares it with the whole organisation (otherwise: controller, owners and the line above them). */
  sharedWithOrg: z.boolean().optional().default(false),
});

export const datesInOrder = (v: { startDate: string; dueDate: string }, ctx: z.RefinementCtx) => {
  if (v.dueDate < v.startDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date is before the start date." });
};

/** A new target, or a sub-target under `parentId` (set by the parent's controller or one of its owners, for people below them). */
export const createTargetInput = targetFields.extend({ parentId: optionalId() }).superRefine(datesInOrder);
export type CreateTargetInput = z.input<typeof createTargetInput>;
export const updateTargetInput = targetFields.extend({ id: id(), version: versionField }).superRefine(datesInOrder);
export type UpdateTargetInput = z.input<typeof updateTargetInput>;
export const setTargetStatusInput = z.object({ id: id(), status: z.enum(TARGET_STATUSES) });
/** Moves a target under another one (`parentId`), or makes it a top-level target again (null). Its controller's. */
export const setTargetParentInput = z.object({ id: id(), parentId: id().nullable(), version: versionField });
/** The tree of targets around one (`id`): the targets above it and the tree under it. */
export const targetTreeInput = z.object({ id: id() });

export const listTargetsInput = z
  .object({
    status: z.enum(TARGET_STATUSES).optional(),
    kind: z.enum(TARGET_KINDS).optional(),
    personId: id().optional(),
    areaId: id().optional(),
    /** Only the targets the actor controls or owns (not those seen from above, or shared with the org). */
    mine: z.boolean().optional(),
    /** Only the targets of this health (computed in SQL, services/targets/health.sql.ts). */
    health: z.enum(HEALTHS).optional(),
    ...pageInput,
  })
  .optional();
export type ListTargetsInput = z.input<typeof listTargetsInput>;

const metricFields = z.object({
  name: singleLine({ label: "Name", max: 120, required: "Enter a name." }),
  kind: z.enum(["number", "milestone"]).default("number"),
  unit: orNull(singleLine({ label: "Unit", max: 30 })),
  direction: z
    .enum(DIRECTIONS)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  baseline: optionalNumber("Baseline"),
  goal: optionalNumber("Goal"),
  bandLow: optionalNumber("Band low"),
  bandHigh: optionalNumber("Band high"),
  warning: optionalNumber("Warning threshold"),
});

/** The largest magnitude of a percentage a metric may have (a growth of 100× is 10,000%). */
export const MAX_PERCENT = 10_000;

/**
 * Why a value does not fit its metric's unit, or null. Every value is finite
 * and within ±1e12 (measurement); a percentage within ±MAX_PERCENT.
 */
export function valueMisfit(value: number | null | undefined, unit: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (unit?.trim() === "%" && Math.abs(value) > MAX_PERCENT) {
    return `A percentage must be between -${MAX_PERCENT.toLocaleString("en")}% and ${MAX_PERCENT.toLocaleString("en")}%.`;
  }
  return null;
}

const metricShape = (v: z.output<typeof metricFields>, ctx: z.RefinementCtx) => {
  if (v.kind === "milestone") return;
  if (!v.direction) ctx.addIssue({ code: "custom", path: ["direction"], message: "Choose a direction." });
  if (v.direction === "band") {
    if (v.bandLow === null) ctx.addIssue({ code: "custom", path: ["bandLow"], message: "Enter the band's low end." });
    if (v.bandHigh === null) ctx.addIssue({ code: "custom", path: ["bandHigh"], message: "Enter the band's high end." });
    if (v.bandLow !== null && v.bandHigh !== null && v.bandLow >= v.bandHigh) {
      ctx.addIssue({ code: "custom", path: ["bandHigh"], message: "The high end must be above the low end." });
    }
    if (v.warning !== null && v.warning < 0) {
      ctx.addIssue({ code: "custom", path: ["warning"], message: "The warning margin is a distance outside the band: use 0 or more." });
    }
  } else if (v.direction) {
    if (v.baseline === null) ctx.addIssue({ code: "custom", path: ["baseline"], message: "Enter the baseline." });
    if (v.goal === null) ctx.addIssue({ code: "custom", path: ["goal"], message: "Enter the goal." });
    const lower = v.direction === "lower";
    if (v.baseline !== null && v.goal !== null && (lower ? v.goal >= v.baseline : v.goal <= v.baseline)) {
      ctx.addIssue({
        code: "custom",
        path: ["goal"],
        message: lower ? "Lower is better: the goal must be below the baseline." : "Higher is better: the goal must be above the baseline.",
      });
    }
    if (v.warning !== null && v.goal !== null && (lower ? v.warning <= v.goal : v.warning >= v.goal)) {
      ctx.addIssue({
        code: "custom",
        path: ["warning"],
        message: lower
          ? "Lower is better: the warning threshold must be above the goal (between the goal and the baseline, or above the baseline)."
          : "Higher is better: the warning threshold must be below the goal (between the baseline and the goal, or below the baseline).",
      });
    }
  }
  for (const key of ["baseline", "goal", "bandLow", "bandHigh", "warning"] as const) {
    const problem = valueMisfit(v[key], v.unit);
    if (problem) ctx.addIssue({ code: "custom", path: [key], message: problem });
  }
};

export const createMetricInput = metricFields.extend({ targetId: id() }).superRefine(metricShape);
export type CreateMetricInput = z.input<typeof createMetricInput>;
export const updateMetricInput = metricFields.extend({ id: id(), version: versionField }).superRefine(metricShape);
export type UpdateMetricInput = z.input<typeof updateMetricInput>;
export const setMilestoneInput = z.object({ id: id(), done: z.boolean() });

/** At most this far ahead: a check-in records something that happened. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

export const checkInAt = instant("Use a date and time.").refine(
  (d) => d.getTime() <= Date.now() + FUTURE_SLACK_MS,
  "A check-in cannot be in the future.",
);

export const checkInFields = z.object({
  value: measurement("Value"),
  /** Absent: now. null is refused (it would be read as 1970-01-01). */
  at: checkInAt.optional(),
  note: orNull(multiLine({ label: "Note", max: 2_000 })),
});
export const addCheckInInput = checkInFields.extend({ metricId: id() });
export type AddCheckInInput = z.input<typeof addCheckInInput>;
export const updateCheckInInput = checkInFields.extend({ id: id(), at: checkInAt, version: versionField });
export const bulkCheckInInput = z.object({
  metricId: id(),
  text: multiLine({ label: "The pasted text", max: 500_000, required: "Paste at least one line." }),
});

// The check-in forms hold what was typed (text); these parse it into the API's
// types with the API's own rules, so the form and the procedure agree.

/** A number as typed: empty or not a number reads "Enter a number."; then the API's range. */
const typedMeasurement = (label: string) =>
  z
    .string()
    .transform((v) => (v.trim() === "" ? Number.NaN : Number(v)))
    .pipe(z.number("Enter a number.").pipe(measurement(label)));

/** checkInAt, for a Date only (it also takes ISO text, which zod's pipe would need as the input type). */
const checkInAtOfDate = checkInAt as z.ZodType<Date, Date>;

/** The add-check-in form: a datetime-local's text (the browser's zone), empty for now. */
export const checkInForm = z.object({
  value: typedMeasurement("Value"),
  at: z
    .string()
    .transform((v) => (v ? new Date(v) : undefined))
    .pipe(checkInAtOfDate.optional()),
  note: checkInFields.shape.note,
});
export type CheckInFormValues = z.input<typeof checkInForm>;

/** The edit-check-in form: the same, with a date and time required. */
export const editCheckInForm = checkInForm.extend({
  at: z
    .string()
    .min(1, "Choose a date and time.")
    .transform((v) => new Date(v))
    .pipe(checkInAtOfDate),
});
export type EditCheckInFormValues = z.input<typeof editCheckInForm>;

/** The paste-many form: the pasted lines. */
export const bulkCheckInForm = bulkCheckInInput.pick({ text: true });

// The pair's side of a target: a comment thread and a weekly status update.

export { MAX_COMMENT_LENGTH, MAX_STATUS_LENGTH } from "@/lib/targets/labels";
/** Comments a page of the thread holds (the newest; older ones on demand). */
export const COMMENTS_PAGE = 50;

export const commentBody = multiLine({ label: "Comment", max: MAX_COMMENT_LENGTH, required: "Write a comment." });
export const addCommentInput = z.object({ targetId: id(), body: commentBody });
export type AddCommentInput = z.input<typeof addCommentInput>;
export const commentForm = addCommentInput.pick({ body: true });
export type CommentFormValues = z.input<typeof commentForm>;

/**
 * A page of a target's thread: the newest comments, or those before `cursor`
 * (the keyset of the oldest comment shown so far, as the previous page gave it:
 * its time and id).
 */
export const listCommentsInput = z.object({
  targetId: id(),
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f-]{36}$/i, "Reload the page: this list's position is not valid.")
    .nullish(),
});

export const statusBody = multiLine({ label: "Status", max: MAX_STATUS_LENGTH, required: "Write a sentence or two." });
/**
 * This week's status of a target (the week is the server's: the ISO week of
 * the actor's today). `version` 0: none was saved this week when the form was
 * opened; otherwise the version of this week's status the edit started from.
 */
export const saveStatusInput = z.object({ targetId: id(), body: statusBody, version: versionOrNewField });
export type SaveStatusInput = z.input<typeof saveStatusInput>;
export const statusForm = saveStatusInput.pick({ body: true });
export type StatusFormValues = z.input<typeof statusForm>;
export const listStatusInput = z.object({ targetId: id() });

/** The title typed so far, to warn of a target the actor already sees under that title. */
export const findSimilarTargetsInput = z.object({
  title: singleLine({ label: "Title", max: 400 }),
  /** The target being edited: not a duplicate of itself. */
  excludeId: id().optional(),
});
