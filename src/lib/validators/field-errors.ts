import type { ZodError } from "zod";

/** Messages to show next to form fields, keyed by the field's dotted path. */
export type FieldErrors = Record<string, string>;

/** The first message per field of a zod error. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}
