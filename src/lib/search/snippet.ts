import { wordsOf } from "./fuzzy";

/** A piece of a snippet: plain text, `match` when it is a word that was typed (to highlight). */
export type SnippetPart = { text: string; match: boolean };

/** Typed words, longest first, so that "sofia" is highlighted whole before "so". */
function needles(query: string): string[] {
  return [...new Set(wordsOf(query))].sort((a, b) => b.length - a.length);
}

/**
 * The words around the first match of a plain text (rendered markdown, see
 * lib/markdown/plain-text.ts), cut to about `width` characters at word
 * boundaries, split into parts with the typed words marked. Case-insensitive.
 */
export function snippetParts(text: string, query: string, width = 140): SnippetPart[] {
  const flat = text.replace(/\s+/g, " ").trim();
  const lower = flat.toLowerCase();
  const words = needles(query);
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), Infinity);
  let start = first === Infinity || first < width / 3 ? 0 : first - Math.floor(width / 3);
  let end = Math.min(flat.length, start + width);
  // Whole words at either end.
  if (start > 0) start = flat.indexOf(" ", start) + 1 || start;
  if (end < flat.length) end = flat.lastIndexOf(" ", end) > start ? flat.lastIndexOf(" ", end) : end;
  const piece = flat.slice(start, end);
  const parts: SnippetPart[] = [];
  if (words.length) {
    const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "gi");
    let at = 0;
    for (const m of piece.matchAll(pattern)) {
      if (m.index! > at) parts.push({ text: piece.slice(at, m.index), match: false });
      parts.push({ text: m[0], match: true });
      at = m.index! + m[0].length;
    }
    if (at < piece.length) parts.push({ text: piece.slice(at), match: false });
  } else if (piece) parts.push({ text: piece, match: false });
  if (start > 0) parts.unshift({ text: "…", match: false });
  if (end < flat.length) parts.push({ text: "…", match: false });
  return parts;
}

/** The snippet as one string (for a title attribute or a screen reader). */
export function snippetText(text: string, query: string, width = 140): string {
  return snippetParts(text, query, width)
    .map((p) => p.text)
    .join("");
}
