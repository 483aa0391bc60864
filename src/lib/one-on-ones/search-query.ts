import { searchInput } from "@/lib/validators/one-on-ones";

/** The address parameter that holds the 1:1 overview's notes search. */
export const SEARCH_PARAM = "q";

/**
 * The 1:1 notes search as the overview's `?q=` holds it and as its list asks
 * for it: the text trimmed, or null while there is nothing to search (under two
 * characters, or text the search refuses). The page's server prefetch and the
 * list both ask this one function, so they send the server the same query and
 * the list starts from the prefetched results.
 */
export function notesSearchQuery(raw: string | string[] | null | undefined): string | null {
  const text = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  return searchInput.safeParse({ query: text }).success ? text : null;
}
