import { z } from "zod";

// The small schemas every validator builds on, in one module: ids (here), days,
// instants and measured numbers (./dates), typed text (./text) and the version
// an edit started from (./version). Validators import them from here only, so
// an id, a date or a name is refused with the same words wherever it is typed.

export { dateOnly, instant, measurement, optionalDateOnly } from "./dates";
export { multiLine, orNull, singleLine } from "./text";
export { versionField, versionOrNewField } from "./version";

/** A row's id (a UUID). `message` for a picker whose id is a choice the person makes ("Choose a person."). */
export const id = (message?: string) => z.uuid(message);

/** An optional reference: absent and null both mean "none", stored as null. */
export const optionalId = () =>
  z
    .uuid()
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** The input of every procedure that names one row and nothing else. */
export const idInput = z.object({ id: id("Unknown id.") });
export type IdInput = z.output<typeof idInput>;
