import { and, asc, desc, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { PgColumn } from "drizzle-orm/pg-core";
import { people } from "../../db/schema/index";
import { decodeCursor, type KeyValue } from "@/lib/keyset";
import { LEVELS, TRACKS } from "@/lib/people/ladder";
import type { PEOPLE_SORTS } from "@/lib/validators/people";

/**
 * The People list's orders as keyset keys (issue #20). Each order is a few
 * never-null expressions ending in the person's id, so that it is total: the
 * next page is "the rows after the last one's key", with no row skipped or
 * repeated however many share a name. Nulls are folded into the expressions
 * (coalesce) because a comparison with null is never true: a null key would
 * stop the list at the first row that has one.
 *
 * The cursor is [order, direction, ...the last row's key values]: a cursor of
 * another order is refused (a 400) rather than read as a position in this one.
 */
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
type Direction = "asc" | "desc";

type Key = {
  /** The expression rows are ordered by. */
  expr: SQL | PgColumn;
  dir: Direction;
  /** The expression as the cursor carries it (a date as its text), and the SQL type a cursor value is read back as. */
  value?: SQL;
  cast?: "date";
  schema: z.ZodType<KeyValue>;
};

const text = z.string().max(300);
const idKey = (dir: Direction): Key => ({ expr: people.id, dir, schema: z.uuid() });
const nameKey = (dir: Direction): Key => ({ expr: people.name, dir, schema: text });

/** Seniority as the position on the ladder (levelRank in src/lib), computed in SQL for sorting. */
function levelRankSql() {
  const whens = TRACKS.flatMap((track) => LEVELS[track].map((level, rank) => `when '${level}' then ${rank}`));
  return sql<number>`(case ${people.level} ${sql.raw(whens.join(" "))} else 99 end)`;
}

/** The keys of an order; `managerName` is the joined manager's name column. */
export function peopleKeys(sort: PeopleSort, dir: Direction, managerName: PgColumn): Key[] {
  switch (sort) {
    case "name":
      // The id in the same direction as the name: one row comparison, which the (org_id, name) index answers.
      return [nameKey(dir), idKey(dir)];
    case "title":
      return [{ expr: sql`coalesce(${people.title}, '')`, dir, schema: text }, nameKey("asc"), idKey("asc")];
    case "manager":
      return [{ expr: sql`coalesce(${managerName}, '')`, dir, schema: text }, nameKey("asc"), idKey("asc")];
    case "startDate": {
      // No start date last in both directions, as before keysets: the far end of the order for it.
      const none = dir === "asc" ? "infinity" : "-infinity";
      const expr = sql`coalesce(${people.startDate}, ${sql.raw(`'${none}'::date`)})`;
      return [
        { expr, dir, value: sql`${expr}::text`, cast: "date", schema: z.string().regex(/^(-?infinity|\d{4}-\d{2}-\d{2})$/) },
        nameKey("asc"),
        idKey("asc"),
      ];
    }
    case "level":
      // Seniority: the ladder position, so levels line up across tracks; managers
      // before ICs at the same rung ('manager' sorts after 'ic', hence desc).
      return [
        { expr: levelRankSql(), dir, schema: z.number().int() },
        { expr: people.track, dir: "desc", schema: z.enum(TRACKS) },
        nameKey("asc"),
        idKey("asc"),
      ];
  }
}

export const orderByKeys = (keys: Key[]) => keys.map((k) => (k.dir === "asc" ? asc(k.expr) : desc(k.expr)));

/** The key columns to select with each row, for the next page's cursor. */
export const keyColumns = (keys: Key[]): Record<string, SQL<KeyValue>> =>
  Object.fromEntries(keys.map((k, i) => [`k${i}`, sql<KeyValue>`${k.value ?? k.expr}`]));

/** The cursor's values for this order, or undefined for the first page; a CursorError when it is not one of this order's. */
export function cursorKey(cursor: string | null | undefined, sort: PeopleSort, dir: Direction, keys: Key[]): KeyValue[] | undefined {
  const schema = z.tuple([z.literal(sort), z.literal(dir), ...keys.map((k) => k.schema)] as unknown as [z.ZodType<KeyValue>]);
  const decoded = decodeCursor(cursor, schema as unknown as z.ZodType<KeyValue[]>);
  return decoded?.slice(2);
}

/** A row's cursor key, from its selected key columns. */
export const keyOfRow = (sort: PeopleSort, dir: Direction, keys: Key[], row: Record<string, unknown>): KeyValue[] => [
  sort,
  dir,
  ...keys.map((_, i) => row[`k${i}`] as KeyValue),
];

/**
 * The rows after `values` in the order of `keys`. When every key runs the same
 * way it is one row comparison (an index range); otherwise the lexicographic
 * expansion: k1 beyond v1, or k1 = v1 and k2 beyond v2, and so on.
 */
export function afterKey(keys: Key[], values: readonly KeyValue[]): SQL {
  const param = (k: Key, v: KeyValue) => (k.cast ? sql`${v}::${sql.raw(k.cast)}` : sql`${v}`);
  if (keys.every((k) => k.dir === keys[0]!.dir)) {
    const op = sql.raw(keys[0]!.dir === "asc" ? ">" : "<");
    const left = sql.join(
      keys.map((k) => sql`${k.expr}`),
      sql`, `,
    );
    const right = sql.join(
      keys.map((k, i) => param(k, values[i]!)),
      sql`, `,
    );
    return sql`(${left}) ${op} (${right})`;
  }
  const beyond = (k: Key, v: KeyValue) => sql`${k.expr} ${sql.raw(k.dir === "asc" ? ">" : "<")} ${param(k, v)}`;
  return or(
    ...keys.map((k, i) => and(...keys.slice(0, i).map((e, j) => sql`${e.expr} = ${param(e, values[j]!)}`), beyond(k, values[i]!))),
  )!;
}
