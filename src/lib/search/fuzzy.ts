/**
 * Typo-tolerant matching of what is typed in the command palette against a
 * name or a title: the database narrows the candidates (ILIKE through pg_trgm
 * indexes, see services/home/search.read.ts) and this ranks them.
 *
 * Each typed word must match a word of the text, best first: the same word,
 * the start of a word ("sof" → "Sofia"), inside a word, or a typo of the
 * start of a word: the Damerau–Levenshtein distance (insertions, deletions,
 * substitutions, adjacent swaps) to the word's prefix of about the typed
 * length, within a threshold that grows with the length typed: none up to 3
 * letters (short words have too many near neighbours), 1 up to 6, 2 up to
 * MAX_TYPO_WORD.
 * So "sofa" finds "Sofia" (one letter missing), and "sofia" still puts Sofia
 * first: a typo always ranks below a real match.
 */

/** The words of a text or a query, lower-cased (letters and digits of any script). */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize("NFC")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Damerau–Levenshtein distance (optimal string alignment) between two strings. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Typed words longer than this are matched as typed only: nobody types a 30-letter name with typos, and the work stays small. */
export const MAX_TYPO_WORD = 24;

/** How many typos a typed word of this length may carry. */
export function typoAllowance(length: number): number {
  return length <= 3 || length > MAX_TYPO_WORD ? 0 : length <= 6 ? 1 : 2;
}

/**
 * The distance from a typed word to the start of a word: the best over the
 * word's prefixes one letter shorter, as long as, and one longer than what was
 * typed (a letter missed or added changes the length).
 */
export function prefixDistance(typed: string, word: string): number {
  let best = Infinity;
  for (let length = typed.length - 1; length <= typed.length + 1; length++) {
    if (length < 1) continue;
    best = Math.min(best, editDistance(typed, word.slice(0, length)));
    if (length >= word.length) break;
  }
  return best;
}

/** Ranks of a match, lower is better. */
export const MATCH = { exact: 0, prefix: 1, inside: 2, typo: 3 } as const;

/** How well one typed word matches the best word of a text, or null when it does not. */
function wordScore(typed: string, words: string[]): number | null {
  let best: number | null = null;
  const allowance = typoAllowance(typed.length);
  for (const word of words) {
    let score: number | null = null;
    if (word === typed) score = MATCH.exact;
    else if (word.startsWith(typed)) score = MATCH.prefix;
    else if (word.includes(typed)) score = MATCH.inside;
    // A word shorter than the typed one by more than the allowance cannot be within it.
    else if (allowance > 0 && word.length >= typed.length - allowance) {
      const distance = prefixDistance(typed, word);
      if (distance <= allowance) score = MATCH.typo + distance;
    }
    if (score !== null && (best === null || score < best)) best = score;
    if (best === MATCH.exact) break;
  }
  return best;
}

/**
 * The score of a text for a query (lower is better), or null when some typed
 * word matches nothing in it. Every typed word must match.
 */
export function matchScore(query: string, text: string): number | null {
  const typed = wordsOf(query);
  if (!typed.length) return null;
  const words = wordsOf(text);
  let total = 0;
  for (const t of typed) {
    const score = wordScore(t, words);
    if (score === null) return null;
    total += score;
  }
  return total;
}

/** Items matching the query, best first (then by their text), at most `limit`. */
export function rankByMatch<T>(query: string, items: readonly T[], textOf: (item: T) => string, limit: number): T[] {
  return items
    .map((item) => ({ item, text: textOf(item), score: matchScore(query, textOf(item)) }))
    .filter((x): x is { item: T; text: string; score: number } => x.score !== null)
    .sort((a, b) => a.score - b.score || a.text.localeCompare(b.text))
    .slice(0, limit)
    .map((x) => x.item);
}
