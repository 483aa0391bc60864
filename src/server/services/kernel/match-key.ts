import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * `matchKey` of src/lib/duplicates/match-key.ts in SQL: lower case, NFKD,
 * combining marks (U+0300–U+036F) dropped, runs of white space as one space,
 * trimmed. Applied to both sides of a comparison (the column and the typed
 * text), so the database's own case rules decide both alike. Both drivers'
 * servers are UTF-8, where `normalize` is defined. (The backslashes are
 * doubled: this is a JS template, and `\s` there would cook to a bare "s".)
 */
export function matchKeySql(value: PgColumn | SQL | string): SQL {
  const text = typeof value === "string" ? sql`${value}::text` : sql`${value}`;
  return sql`btrim(regexp_replace(regexp_replace(normalize(lower(${text}), NFKD), '[\\u0300-\\u036f]', '', 'g'), '\\s+', ' ', 'g'))`;
}
