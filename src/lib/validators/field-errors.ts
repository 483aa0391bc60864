import type { ZodError } from "zod";

/** Messages to show next to form fields, keyed by the field's dotted path. */
export type FieldErrors = Record<string, string>;

type Issue = ZodError["issues"][number];

/** The first message per field of a zod error. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.path.length > 0 ? (zodDefaultSentence(issue) ?? issue.message) : issue.message;
  }
  return out;
}

/** "dueDate" → "Due date"; ["levels", 1, "label"] → "Levels #2 label". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const words = path
    .map((part) =>
      typeof part === "number"
        ? `#${part + 1}`
        : String(part)
            .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
            .replace(/[_-]+/g, " ")
            .toLowerCase(),
    )
    .join(" ")
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** zod's own wording for a missing or mistyped field ("Invalid input: expected string, received undefined") as a sentence. */
function zodDefaultSentence(issue: Issue): string | null {
  if (issue.code !== "invalid_type" || !issue.message.startsWith("Invalid input")) return null;
  const label = fieldLabel(issue.path);
  if (/received undefined$/.test(issue.message)) return `${label} is required.`;
  return `${label} must be a${/^[aeiou]/.test(issue.expected) ? "n" : ""} ${issue.expected}.`;
}

/** One issue as a sentence that says which field it is about, unless its message already does. */
function issueSentence(issue: Issue): string {
  if (issue.path.length === 0) return sentence(issue.message);
  const label = fieldLabel(issue.path);
  const rewritten = zodDefaultSentence(issue);
  if (rewritten) return rewritten;
  const message = sentence(issue.message);
  const last = issue.path.filter((p) => typeof p === "string").at(-1);
  const named = typeof last === "string" && message.toLowerCase().includes(fieldLabel([last]).toLowerCase());
  return named ? message : `${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

/**
 * A refused input as sentences for people (the error's message, shown when a
 * form has no field to put an error next to, and to API callers): one per
 * field, the first three, instead of zod's JSON list of issues.
 */
export function validationMessage(error: ZodError, limit = 3): string {
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    if (seen.has(key)) continue;
    seen.add(key);
    sentences.push(issueSentence(issue));
  }
  if (sentences.length === 0) return "Check the input.";
  const more = sentences.length - limit;
  return sentences.slice(0, limit).join(" ") + (more > 0 ? ` And ${more} more field${more === 1 ? "" : "s"} to check.` : "");
}
