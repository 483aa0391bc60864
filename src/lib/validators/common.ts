import { z } from "zod";

// The small schemas every validator shares: a row's id and the id-only input.
// One definition, so an id is refused with the same words wherever it is typed;
// dates are in ./dates, text in ./text, versions in ./version.

/** A row's id (a UUID). `message` for a picker whose id is a choice the person makes ("Choose a person."). */
export const id = (message?: string) => z.uuid(message);

/** An optional reference: absent and null both mean "none", stored as null. */
export const optionalId = () => z.uuid().nullable().optional().transform((v) => v ?? null);

/** The input of every procedure that names one row and nothing else. */
export const idInput = z.object({ id: id("Unknown id.") });
export type IdInput = z.output<typeof idInput>;
