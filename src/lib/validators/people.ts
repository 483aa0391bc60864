import { z } from "zod";
import { pageInput } from "../keyset";
import { ALL_LEVELS, CADENCES, isLevelOfTrack, TRACKS, type Level } from "../people/ladder";
import { PEOPLE_SORTS } from "../people/sorts";
import { id, multiLine, optionalDateOnly, optionalId, orNull, singleLine, versionField } from "./common";

/** @deprecated import it from ./common; kept while routers of other domains import it from here. */

export const personFields = z.object({
  name: singleLine({ label: "Name", max: 120, required: "Enter a name." }),
  email: singleLine({ label: "Email", max: 254 })
    .toLowerCase()
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address, or leave it empty.")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  title: orNull(singleLine({ label: "Title", max: 120 })),
  track: z.enum(TRACKS, "Choose manager or individual contributor."),
  level: singleLine({ label: "Level", max: 40, required: "Choose a level." }),
  /** null: reports to me. */
  managerId: id("Choose who they report to.").nullable(),
  leads: orNull(singleLine({ label: "What they lead", max: 200 })),
  cadence: z.enum(CADENCES, "Choose a 1:1 cadence."),
  cadenceDays: z.coerce
    .number()
    .int("Whole days only.")
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days.")
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  startDate: optionalDateOnly,
  notes: orNull(multiLine({ label: "Notes", max: 10_000 })),
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

export const updatePersonInput = personFields.extend({ id: id(), version: versionField }).superRefine(checkPerson);
export type UpdatePersonInput = z.input<typeof updatePersonInput>;

export const archivePersonInput = z.object({
  id: id(),
  /** Where their active reports go: undefined = not chosen yet, null = to me. */
  reportsGoTo: id().nullable().optional(),
});

export { PEOPLE_SORTS };

/** How many people a page of the People list shows (issue #20: one page rendered at first, the next on demand). */
export const PEOPLE_PAGE = 50;

/**
 * A page of the People list: the filters and sort, and `cursor` (the sort key
 * of the last person shown, from the previous page's nextCursor) for the next.
 */
export const listPeopleInput = z
  .object({
    track: z.enum(TRACKS).optional(),
    level: z.enum(ALL_LEVELS as [Level, ...Level[]]).optional(),
    /** "me" for my direct reports, or a person's id. */
    managerId: z.union([z.literal("me"), id()]).optional(),
    areaId: id().optional(),
    search: singleLine({ label: "Search", max: 120 }).optional(),
    includeArchived: z.boolean().optional(),
    sort: z.enum(PEOPLE_SORTS).optional(),
    // Not "direction": tRPC's infinite queries write their own `direction` ("forward") into the input.
    sortDirection: z.enum(["asc", "desc"]).optional(),
    ...pageInput,
  })
  .optional();
export type ListPeopleInput = z.input<typeof listPeopleInput>;

export const areaFields = z.object({
  name: singleLine({ label: "Name", max: 120, required: "Enter a name." }),
  description: orNull(multiLine({ label: "Description", max: 2_000 })),
  emPersonId: optionalId(),
  icPersonId: optionalId(),
});
export const createAreaInput = areaFields;
export type CreateAreaInput = z.input<typeof createAreaInput>;
export const updateAreaInput = areaFields.extend({ id: id() });
export type UpdateAreaInput = z.input<typeof updateAreaInput>;

export const ladderLabelsInput = z.object(
  Object.fromEntries(
    ALL_LEVELS.map((level) => [level, singleLine({ label: "Level name", max: 60, required: "A level needs a name." })]),
  ) as Record<Level, ReturnType<typeof singleLine>>,
);
export type LadderLabelsInput = z.input<typeof ladderLabelsInput>;
/** The ladder form: every level's name, and the version of the names it was opened at. */
export const updateLadderInput = ladderLabelsInput.extend({ version: versionField });
export type UpdateLadderInput = z.input<typeof updateLadderInput>;

/** A CSV file's text; 1 MB is tens of thousands of people. */
export const importCsvInput = z.object({
  csv: multiLine({ label: "The file", max: 1_000_000, required: "Choose a CSV file." }),
});

/** The archive dialog: where the active reports go, as the picker's value ("" means to me). */
export const archivePersonForm = z.object({
  reportsGoTo: z
    .string()
    .transform((v) => v || null)
    .pipe(archivePersonInput.shape.reportsGoTo.unwrap()),
});

/** What the add/edit form has typed so far, to warn of a person already in the organisation. */
export const findSimilarPeopleInput = z.object({
  name: singleLine({ label: "Name", max: 200 }).optional(),
  email: singleLine({ label: "Email", max: 254 }).optional(),
  /** The person being edited: not a duplicate of themself. */
  excludeId: id().optional(),
});

/** Matches a people picker shows at most: a picker asks for what is typed, never the whole organisation. */
export const PICK_LIMIT = 20;

/**
 * A people picker's request (people.pick): the people whose name has every
 * typed word (none typed: the first by name), at most `limit`, and the chosen
 * ones by id so the picker can label them whether or not they match.
 */
export const pickPeopleInput = z.object({
  query: singleLine({ label: "Search", max: 120 }).optional(),
  /** The picker's current value(s): labelled even when outside the matches. */
  ids: z.array(id()).max(50).optional(),
  track: z.enum(TRACKS).optional(),
  /** Leave out this person and everyone below them (a manager for them would make a loop). */
  notUnder: id().optional(),
  limit: z.number().int().min(1).max(PICK_LIMIT).optional(),
});
