const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The first user-perceived character of a word: a whole emoji or accented letter, never half of one. */
function firstGrapheme(word: string): string {
  for (const { segment } of segmenter.segment(word)) return segment;
  return "";
}

/** "Dana Scully" → "DS", "Dana 🚀" → "D🚀", "Élodie" → "É": the first and last words' first graphemes. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0] ? firstGrapheme(parts[0]) : "";
  const last = parts.length > 1 ? firstGrapheme(parts.at(-1)!) : "";
  return (first + last).toLocaleUpperCase() || "?";
}
