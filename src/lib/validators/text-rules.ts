// The rules of text.ts that need no zod: trimming and the control-character check.
// Apart so that client code applying them (the 1:1 notes search in the address)
// does not load zod; text.ts re-exports them and builds its schemas on them.

/**
 * C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F) and lone
 * surrogate halves (the database would silently store U+FFFD instead).
 * Multi-line fields allow tab and line feed; carriage returns are normalised away first.
 */
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;
const CONTROL_MULTI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\p{Cs}/u;

/**
 * Characters that show nothing: zero-width space, non-joiner, joiner, word
 * joiner, BOM, soft hyphen, Mongolian vowel separator, and the invisible math
 * operators. String.prototype.trim already strips Unicode white space.
 */
const INVISIBLE = "\\u00ad\\u180e\\u200b-\\u200d\\u2060-\\u2064\\ufeff";
const BLANK = new RegExp(`[\\s${INVISIBLE}]`, "u");
const LEADING_INVISIBLE = new RegExp(`^[${INVISIBLE}]+`, "u");

// The ends are found by stepping over characters, not with a regex like /\s+$/:
// that one retries from every position of a long run of spaces (quadratic, a
// 1 MB paste of spaces would hold the server for minutes). Every blank character
// is in the Basic Multilingual Plane, so stepping by UTF-16 code units is exact.
function blankAt(value: string, i: number): boolean {
  return BLANK.test(value[i]!);
}

/**
 * Trims white space and invisible characters at both ends (inside, a joiner in
 * an emoji stays). Multi-line text (markdown) keeps the indentation of its
 * first line, which can mean a code block: only blank lines go before it.
 */
export function trimText(value: string, multiLine = false): string {
  const text = multiLine ? value.replace(/\r\n?/g, "\n") : value;
  let end = text.length;
  while (end > 0 && blankAt(text, end - 1)) end--;
  let start = 0;
  while (start < end && blankAt(text, start)) start++;
  if (!multiLine) return text.slice(start, end);
  // Back to the start of the first line with text; only invisible characters go there.
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  return text.slice(lineStart, end).replace(LEADING_INVISIBLE, "");
}

export function hasControlCharacters(value: string, multiLine: boolean): boolean {
  return (multiLine ? CONTROL_MULTI : CONTROL_SINGLE).test(value);
}
