/** The ILIKE pattern for "contains what the user typed": `%`, `_` and `\` in it are literal, not wildcards. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
