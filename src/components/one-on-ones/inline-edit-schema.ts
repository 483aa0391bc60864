import { z } from "zod";

/**
 * InlineEdit's form schema: the edited field's shared validator, and the date's beside it (or
 * none). Its own module, imported on the first save: a dynamic import("zod") would keep all of
 * zod (every locale) in the chunk the page's other zod users share.
 */
export function inlineEditSchema(text: z.ZodType<string, string>, date?: z.ZodType<string | null, unknown>) {
  return z.object({ text, date: date ?? z.string().transform(() => null) });
}
