import { z } from "zod";

// The one place that decides what a text field accepts. Every validator that
// takes text a person typed builds it here, so a character PostgreSQL cannot
// store (NUL answers a 500 from the driver) or a name made only of invisible
// characters is refused the same way in every form, procedure and import.

import { hasControlCharacters, trimText } from "./text-rules";

export { hasControlCharacters, trimText } from "./text-rules";

type TextOptions = {
  /** Says what the field is, for messages: "Name", "Title". */
  label: string;
  max: number;
  /** When set, the field is required and this is the message for an empty (or only invisible) value. */
  required?: string;
};

const count = (n: number) => n.toLocaleString("en");

function build(multiLine: boolean, { label, max, required }: TextOptions) {
  let schema = z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`) })
    .overwrite((v) => trimText(v, multiLine))
    .refine((v) => !hasControlCharacters(v, multiLine), {
      message: multiLine
        ? `${label} contains a control character (such as NUL) that cannot be saved.`
        : `${label} must be one line of text, without tabs or control characters.`,
    })
    .max(max, `${label} is at most ${count(max)} characters.`);
  if (required) schema = schema.min(1, required);
  return schema;
}

/** A one-line field (a name, a title): no line breaks, tabs or control characters; trimmed; at most `max` characters. */
export function singleLine(options: TextOptions) {
  return build(false, options);
}

/** A multi-line field (a note, a description): line breaks and tabs allowed, other control characters not; trimmed (see trimText). */
export function multiLine(options: TextOptions) {
  return build(true, options);
}

/** An optional text field: absent, null, empty or only invisible characters all mean null. */
export function orNull<T extends z.ZodType<string, string>>(text: T) {
  return text
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
}
