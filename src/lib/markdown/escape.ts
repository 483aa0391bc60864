/**
 * Plain text inside a markdown line: line breaks become spaces, characters
 * that would start inline markup are escaped, and so is a block marker at the
 * start. `<` is written `&lt;`, not `\<`: every viewer, even one that ignores
 * backslash escapes and passes raw HTML through, shows that as text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/[\\`*_[\]>|]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;")
    .replace(/^([-+#>]|\d+\.)/, (c) => `\\${c}`);
}
