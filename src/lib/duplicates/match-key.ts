/**
 * The key two names (or two target titles) are compared by to warn of a
 * likely duplicate: "  Sofía  PETROVA " and "sofia petrova" are the same
 * person to a reader. Case, accents and runs of white space do not count;
 * everything else (letters, digits, punctuation, word order) does.
 *
 * The database compares with the same steps (services/duplicates.ts,
 * `matchKeySql`) applied to both sides, so the two never disagree on a case
 * rule; this one decides on the client whether a text is worth asking about.
 */
export function matchKey(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(COMBINING_MARKS, "").replace(/\s+/g, " ").trim();
}

/** Combining diacritical marks (U+0300–U+036F): what NFKD splits off "é", "ñ", "ø̈". The SQL uses the same range. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Shorter keys match too much to be a useful warning ("a", "b"). */
export const MIN_MATCH_KEY_LENGTH = 2;

/** At most this many look-alikes are named: a warning, not a search. */
export const MAX_SIMILAR = 5;

/** True when the text is long enough to look for a duplicate of. */
export function worthMatching(text: string | null | undefined): boolean {
  return matchKey(text ?? "").length >= MIN_MATCH_KEY_LENGTH;
}

/** An email as compared for duplicates: exact, but without case or surrounding spaces. */
export function emailKey(email: string | null | undefined): string {
  return (email ?? "").trim().toLowerCase();
}

/** True when `label` contains what was typed, compared as matchKey compares (a picker's search: "sof" finds "Sofía"). */
export function matchesQuery(label: string, query: string): boolean {
  return matchKey(label).includes(matchKey(query));
}
