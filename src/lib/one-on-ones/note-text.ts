import { markdownToPlainText } from "@/lib/markdown/plain-text";

/** A note as a reader sees it, for search snippets: its situation, behaviour and impact, then its text, each rendered. */
export function noteText(note: { body: string; situation: string | null; behaviour: string | null; impact: string | null }): string {
  return [note.situation, note.behaviour, note.impact, note.body]
    .filter((part): part is string => Boolean(part))
    .map(markdownToPlainText)
    .filter(Boolean)
    .join(" · ");
}
