import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { fieldError, notFound, type AppError } from "./errors";

/** The field a stale-version conflict names, so a form can tell it from other conflicts (a taken email, say). */
export const VERSION_FIELD = "version";

export function staleVersion(what: string): AppError {
  return fieldError(
    "CONFLICT",
    VERSION_FIELD,
    `This ${what} was changed elsewhere since you opened it (in another tab, or by someone else), so your save was not applied. What you typed is kept.`,
  );
}

type Options<T extends PgTable> = {
  /** The row, already scoped to the actor (`inScope(...)` from access.ts). */
  where: SQL;
  /** The version the edit started from. */
  version: number;
  set: PgUpdateSetSource<T>;
  /** "target", "person"…: used in the messages. */
  what: string;
  /** The version column's property name, when it is not `version`. */
  column?: string;
  /**
   * For rows made by their first save (a week's review): with version 0 ("there
   * was none when I opened the form") the row is inserted, unless one was
   * saved meanwhile, which is a conflict like any other.
   */
  insert?: Record<string, unknown>;
};

/**
 * Compare-and-set: saves `set` only if the row is still at `version`, and adds
 * one to it, in one statement, so two tabs cannot silently overwrite each
 * other. No row updated while the row exists (and is the actor's) is a
 * CONFLICT; a row that is not there (or not theirs) is NOT_FOUND.
 */
export async function saveVersioned<T extends PgTable>(db: Db, table: T, options: Options<T>): Promise<T["$inferSelect"]> {
  const key = options.column ?? VERSION_FIELD;
  const column = (table as unknown as Record<string, PgColumn>)[key]!;
  if (options.insert && options.version === 0) {
    const rows = (await db
      .insert(table)
      .values({ ...options.insert, ...options.set } as never)
      .onConflictDoNothing()
      .returning()) as T["$inferSelect"][];
    if (rows[0]) return rows[0];
    throw staleVersion(options.what);
  }
  const rows = (await db
    .update(table)
    .set({ ...options.set, [key]: bumpVersion(column) } as PgUpdateSetSource<T>)
    .where(and(options.where, eq(column, options.version)))
    .returning()) as T["$inferSelect"][];
  if (rows[0]) return rows[0];
  const [exists] = await db
    .select({ one: sql`1` })
    .from(table as PgTable)
    .where(options.where)
    .limit(1);
  if (!exists) throw notFound(options.what.charAt(0).toUpperCase() + options.what.slice(1));
  throw staleVersion(options.what);
}

/** For writes outside the edit forms that change a field a form saves (a target's status): stale forms of the row must conflict. */
export function bumpVersion(column: PgColumn): SQL {
  return sql`${column} + 1`;
}
