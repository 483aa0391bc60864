import { z } from "zod";
import { versionField } from "./version";
import { ALL_LEVELS, CADENCES, isLevelOfTrack, TRACKS, DEFAULT_LEVEL_LABELS, type Level } from "../people/ladder";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const idInput = z.object({ id: z.uuid("Unknown id.") });

/** A calendar date as YYYY-MM-DD (no time, no zone). */
export const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Not a real date.");

export const personFields = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120, "Name is at most 120 characters."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "Email is too long.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address, or leave it empty.")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  title: optionalText(120, "Title"),
  track: z.enum(TRACKS, "Choose manager or individual contributor."),
  level: z.string().min(1, "Choose a level."),
  /** null: reports to me. */
  managerId: z.uuid("Choose who they report to.").nullable(),
  leads: optionalText(200, "What they lead"),
  cadence: z.enum(CADENCES, "Choose a 1:1 cadence."),
  cadenceDays: z.coerce.number().int("Whole days only.").min(1, "At least 1 day.").max(365, "At most 365 days.").nullable().optional().transform((v) => v ?? null),
  startDate: dateOnly.nullable().optional().or(z.literal("").transform(() => null)).transform((v) => v ?? null),
  notes: optionalText(10_000, "Notes"),
});

function checkPerson(value: { track: string; level: string; cadence: string; cadenceDays: number | null }, ctx: z.RefinementCtx) {
  if (!isLevelOfTrack(value.track as "manager" | "ic", value.level)) {
    ctx.addIssue({ code: "custom", path: ["level"], message: "Choose a level on this person's track." });
  }
  if (value.cadence === "days" && value.cadenceDays == null) {
    ctx.addIssue({ code: "custom", path: ["cadenceDays"], message: "Say every how many days." });
  }
}

export const createPersonInput = personFields.superRefine(checkPerson);
export type CreatePersonInput = z.input<typeof createPersonInput>;
export type PersonValues = z.output<typeof createPersonInput>;

export const updatePersonInput = personFields.extend({ id: z.uuid(), version: versionField }).superRefine(checkPerson);
export type UpdatePersonInput = z.input<typeof updatePersonInput>;

export const archivePersonInput = z.object({
  id: z.uuid(),
  /** Where their active reports go: undefined = not chosen yet, null = to me. */
  reportsGoTo: z.uuid().nullable().optional(),
});

export const PEOPLE_SORTS = ["name", "level", "title", "startDate", "manager"] as const;

export const listPeopleInput = z
  .object({
    track: z.enum(TRACKS).optional(),
    level: z.enum(ALL_LEVELS as [Level, ...Level[]]).optional(),
    /** "me" for my direct reports, or a person's id. */
    managerId: z.union([z.literal("me"), z.uuid()]).optional(),
    areaId: z.uuid().optional(),
    search: z.string().trim().max(120).optional(),
    includeArchived: z.boolean().optional(),
    sort: z.enum(PEOPLE_SORTS).optional(),
    direction: z.enum(["asc", "desc"]).optional(),
  })
  .optional();
export type ListPeopleInput = z.input<typeof listPeopleInput>;

export const areaFields = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120, "Name is at most 120 characters."),
  description: optionalText(2_000, "Description"),
  emPersonId: z.uuid().nullable().optional().transform((v) => v ?? null),
  icPersonId: z.uuid().nullable().optional().transform((v) => v ?? null),
});
export const createAreaInput = areaFields;
export type CreateAreaInput = z.input<typeof createAreaInput>;
export const updateAreaInput = areaFields.extend({ id: z.uuid() });
export type UpdateAreaInput = z.input<typeof updateAreaInput>;

export const ladderLabelsInput = z.object(
  Object.fromEntries(
    ALL_LEVELS.map((level) => [
      level,
      z.string().trim().min(1, "A level needs a name.").max(60, "At most 60 characters."),
    ]),
  ) as Record<Level, z.ZodString>,
);
export type LadderLabelsInput = z.input<typeof ladderLabelsInput>;
/** The ladder form: every level's name, and the version of the names it was opened at. */
export const updateLadderInput = ladderLabelsInput.extend({ version: versionField });
export type UpdateLadderInput = z.input<typeof updateLadderInput>;
export const defaultLadderLabelsInput: LadderLabelsInput = { ...DEFAULT_LEVEL_LABELS };

/** A CSV file's text; 1 MB is tens of thousands of people. */
export const importCsvInput = z.object({
  csv: z.string().min(1, "Choose a CSV file.").max(1_000_000, "The file is larger than 1 MB."),
});
