import { hasControlCharacters, trimText } from "@/lib/validators/text-rules";

// Checks for a list's URL parameters that need no zod, so that a list page's client code
// (which parses its filters from the address on every change) does not load zod for them.
// Each accepts exactly what the procedure's own field schema accepts, and gives the same
// value: list-params.test.ts checks them against those schemas on generated input.

/** What validParam (src/lib/list-params.ts) asks of a parameter's check. */
export type ParamCheck<T> = { safeParse: (value: unknown) => { success: boolean; data?: T } };

const ok = <T>(data: T) => ({ success: true, data });
const refused = { success: false } as const;

/** One of `values` (z.enum). */
export function oneOf<const T extends string>(values: readonly T[]): ParamCheck<T> {
  return { safeParse: (value) => ((values as readonly unknown[]).includes(value) ? ok(value as T) : refused) };
}

/** zod's own UUID pattern (z.uuid(), zod/v4/core/regexes.js): versions 1 to 8, and the nil and max UUIDs. */
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/** An id (z.uuid()), or one of the `words` ("me"). */
export function uuidOr<const W extends string = never>(...words: W[]): ParamCheck<string | W> {
  return {
    safeParse: (value) => (typeof value === "string" && (UUID.test(value) || (words as string[]).includes(value)) ? ok(value) : refused),
  };
}

/** A one-line text of at most `max` characters, trimmed (singleLine of validators/text.ts). */
export function oneLine(max: number): ParamCheck<string> {
  return {
    safeParse: (value) => {
      if (typeof value !== "string") return refused;
      const text = trimText(value);
      // Lengths in code points, as zod counts them (an emoji is one character).
      return !hasControlCharacters(text, false) && [...text].length <= max ? ok(text) : refused;
    },
  };
}
