import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";

/**
 * A keyset on (a timestamp, id) for lists whose times the database wrote
 * (defaultNow, microseconds): a JavaScript Date keeps milliseconds only, so a
 * cursor made from one could fall between two rows of the same millisecond
 * and skip one. The key's time is carried as the database's own text of it
 * (`exactTime`), which casts back to the very same instant.
 */

/** The column's exact time as text ("2026-12-01 22:05:04.123456+00"), to put in a cursor. */
export function exactTime(column: AnyColumn): SQL<string> {
  return sql<string>`${column}::text`;
}

const TIME_TEXT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * A time as exactTime writes it (or ISO 8601), in microseconds since the
 * epoch, or null when it is not a real instant (a 31st of February, a 25th
 * hour): so that a forged cursor is a 400, never a database error.
 */
export function timeTextMicros(text: string): number | null {
  const m = TIME_TEXT.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const offsetMinutes = m[8] === "Z" ? 0 : (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0));
  if (Math.abs(offsetMinutes) > 15 * 60) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  return ms * 1000 + Number((m[7] ?? "").padEnd(6, "0"));
}

const timeText = z
  .string()
  .max(40)
  .refine((t) => timeTextMicros(t) !== null);

/** The cursor schema of a (time, id) keyset, for decodeCursor. */
export const timeIdKey = z.tuple([timeText, z.uuid()]);

/**
 * "After the cursor's row" in a newest-first list ordered by (time desc, id
 * desc): one row comparison, which a btree on the time answers as a range.
 */
export function olderThan(time: AnyColumn, id: AnyColumn, key: readonly [string, string] | undefined): SQL | undefined {
  return key ? sql`(${time}, ${id}) < (${key[0]}::timestamptz, ${key[1]}::uuid)` : undefined;
}
