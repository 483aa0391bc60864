import { SEARCH_MAX, SEARCH_MIN } from "@/lib/one-on-ones/note-kinds";
import { hasControlCharacters, trimText } from "@/lib/validators/text-rules";

/** The address parameter that holds the 1:1 overview's notes search. */
export const SEARCH_PARAM = "q";

/**
 * The 1:1 notes search as the overview's `?q=` holds it and as its list asks
 * for it: the text trimmed, or null while there is nothing to search (under two
 * characters, or text the search refuses). The page's server prefetch and the
 * list both ask this one function, so they send the server the same query and
 * the list starts from the prefetched results.
 *
 * The check is searchInput's (src/lib/validators/one-on-ones.ts) written out
 * with its own rules and bounds, so that the overview and the palette do not
 * load zod for it; search-query.test.ts checks the two agree on generated text.
 */
export function notesSearchQuery(raw: string | string[] | null | undefined): string | null {
  const text = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const query = trimText(text);
  // Lengths in code points, as zod counts them (an emoji is one character).
  const length = [...query].length;
  const accepted = !hasControlCharacters(query, false) && length <= SEARCH_MAX && length >= SEARCH_MIN;
  return accepted ? text : null;
}
