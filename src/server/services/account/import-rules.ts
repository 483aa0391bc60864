import { z } from "zod";
import {
  capacitySettingsInput,
  addCapacityItemInput,
  logEnergyInput,
  productiveHoursInput,
  weeklyReviewInput,
} from "@/lib/validators/capacity";
import { createSpectrumInput, createTaskInput, setLevelInput, spectrumLevelInput, updateSpectrumInput } from "@/lib/validators/delegation";
import { addActionInput, addGoalInput, addNoteInput, addTalkingPointInput, holdInput, scheduleInput } from "@/lib/validators/one-on-ones";
import { dateOnly, optionalId } from "@/lib/validators/common";
import { multiLine } from "@/lib/validators/text";
import { createAreaInput, createPersonInput } from "@/lib/validators/people";
import {
  addCheckInInput,
  checkInAt,
  commentBody,
  createMetricInput,
  datesInOrder,
  statusBody,
  targetFields,
} from "@/lib/validators/targets";
import { sloSpecSchema } from "@/lib/slo/spec";
import { isWeekStart } from "@/lib/energy/week";
import { handoverNoteBody } from "@/lib/validators/handovers";
import { MEETING_EFFECTS } from "@/lib/calendar-audit/effects";
import { meetingActivity } from "@/lib/validators/calendar-audit";
import type { EXPORT_TABLES } from "./export.read";

/**
 * What an imported row of each table must satisfy: the validator of the
 * procedure that makes such a row (so a rule added there applies to imports
 * too), the most rows a file may hold, and the columns that are unique per
 * organisation. Columns a procedure never takes from a user (ids, created times,
 * counters) are checked by their column type in account-data.ts.
 */
export type ImportRule = {
  /** Parses the row's fields; its output (trimmed, normalised) is what is stored. */
  schema: z.ZodType<Record<string, unknown>>;
  /** Column name → the validator's name for it, where they differ. */
  renames?: Record<string, string>;
  /** At most this many rows in a file. */
  maxRows: number;
  /** Column sets no two rows may share (compared case-insensitively). */
  unique?: string[][];
};

const uuid = z.uuid("Expected an id.");
const count = z.number().int("A whole number.").min(0, "Not negative.");
const levelLabel = spectrumLevelInput.shape.label;
const autonomy = spectrumLevelInput.shape.autonomy;

/** The largest `maxRows` of any table: a file with more rows in a table is refused before any row is read. */
export const MAX_IMPORT_ROWS_PER_TABLE = 100_000;

/** Rows of all tables together. */
export const MAX_IMPORT_ROWS = 200_000;

/** Text longer than this is refused in any column (every validator's own limit is lower). */
export const MAX_IMPORT_TEXT = 20_000;

export const IMPORT_RULES = {
  people: { schema: createPersonInput, maxRows: 10_000, unique: [["email"]] },
  person_notes: {
    schema: z.object({ personId: uuid, authorPersonId: uuid, body: multiLine({ label: "Notes", max: 10_000 }) }),
    maxRows: 20_000,
    unique: [["personId", "authorPersonId"]],
  },
  areas: { schema: createAreaInput, maxRows: 1_000, unique: [["name"]] },
  targets: { schema: targetFields.omit({ ownerIds: true }).extend({ parentId: optionalId() }).superRefine(datesInOrder), maxRows: 10_000 },
  target_owners: { schema: z.object({ targetId: uuid, personId: uuid }), maxRows: 50_000, unique: [["targetId", "personId"]] },
  metrics: { schema: createMetricInput, maxRows: 20_000 },
  // An imported OpenSLO spec is held to the same normalised shape parseOpenSlo makes.
  target_slos: { schema: z.object({ targetId: uuid, spec: sloSpecSchema }), maxRows: 10_000, unique: [["targetId"]] },
  check_ins: {
    // `source` says whether a value was entered or pulled from Prometheus (files from before it have none: entered).
    schema: addCheckInInput.extend({
      at: checkInAt,
      source: z.enum(["entered", "prometheus"], { error: "expected entered or prometheus" }).optional(),
    }),
    maxRows: MAX_IMPORT_ROWS_PER_TABLE,
  },
  target_comments: { schema: z.object({ targetId: uuid, authorPersonId: uuid, body: commentBody }), maxRows: MAX_IMPORT_ROWS_PER_TABLE },
  target_status_updates: {
    schema: z.object({
      targetId: uuid,
      authorPersonId: uuid,
      weekStart: dateOnly.refine(isWeekStart, "A week starts on a Monday."),
      body: statusBody,
      version: z.number().int().min(1).optional(),
    }),
    maxRows: 50_000,
    unique: [["targetId", "weekStart"]],
  },
  spectrums: { schema: z.object({ name: updateSpectrumInput.shape.name, kind: createSpectrumInput.shape.kind }), maxRows: 100 },
  spectrum_levels: { schema: spectrumLevelInput.omit({ id: true }).extend({ spectrumId: uuid, position: count }), maxRows: 1_200 },
  tasks: { schema: createTaskInput.extend({ levelId: uuid }), maxRows: 20_000 },
  level_changes: {
    schema: z.object({
      taskId: uuid,
      fromLabel: levelLabel.nullable(),
      fromAutonomy: autonomy.nullable(),
      toLabel: levelLabel,
      toAutonomy: autonomy,
      reason: setLevelInput.shape.reason,
    }),
    maxRows: MAX_IMPORT_ROWS_PER_TABLE,
  },
  one_on_ones: {
    schema: z.object({ personId: uuid, scheduledAt: scheduleInput.shape.scheduledAt, heldAt: holdInput.shape.heldAt.nullable() }),
    maxRows: 50_000,
  },
  talking_points: {
    schema: addTalkingPointInput.extend({ discussedInId: uuid.nullable().optional(), carriedOver: count.optional() }),
    maxRows: 50_000,
  },
  growth_goals: { schema: addGoalInput, maxRows: 10_000 },
  coaching_notes: { schema: addNoteInput.safeExtend({ version: z.number().int().min(1).optional() }), maxRows: 50_000 },
  action_items: { schema: addActionInput.extend({ carriedOver: count.optional() }), maxRows: 50_000 },
  // A hand-over is recorded by a line change; its note is the old manager's text (the same rule as the form's).
  handovers: { schema: z.object({ personId: uuid, fromPersonId: uuid, toPersonId: uuid }), maxRows: 50_000 },
  handover_notes: {
    schema: z.object({ handoverId: uuid, authorPersonId: uuid, body: handoverNoteBody, version: z.number().int().min(1).optional() }),
    maxRows: 50_000,
    unique: [["handoverId"]],
  },
  energy_entries: { schema: logEnergyInput, maxRows: 50_000, unique: [["day", "slot"]] },
  energy_days: {
    schema: productiveHoursInput.extend({ hours: productiveHoursInput.shape.hours.unwrap() }),
    renames: { productiveHours: "hours" },
    maxRows: 20_000,
    unique: [["day"]],
  },
  weekly_reviews: { schema: weeklyReviewInput, maxRows: 5_000, unique: [["weekStart"]] },
  capacity_weeks: { schema: capacitySettingsInput, maxRows: 5_000, unique: [["weekStart"]] },
  capacity_items: { schema: addCapacityItemInput.extend({ lastWeek: dateOnly.nullable().optional() }), maxRows: 50_000 },
  // Meetings come from a calendar file, not a form: the rules the import of that file applies.
  calendar_meetings: {
    schema: z.object({
      weekStart: dateOnly.refine(isWeekStart, "A week starts on a Monday."),
      uid: z.string().min(1, "An event needs its UID.").max(1_000, "At most 1,000 characters."),
      title: z.string().max(200, "At most 200 characters."),
      activity: meetingActivity.optional(),
      effect: z.enum(MEETING_EFFECTS).nullable().optional(),
    }),
    maxRows: 50_000,
  },
} satisfies Record<keyof typeof EXPORT_TABLES, ImportRule>;
