import { getTableColumns } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { turnTaker } from "../../event-loop/turns";

/**
 * Many rows inserted in statements small enough that building each one is a
 * short stretch of the event loop (issue #20, "No tenant slows another").
 * Drizzle builds an INSERT cell by cell, a column with its default included:
 * about 4–8 µs a cell on this machine, so a statement of 500 people (16
 * columns) held the loop for 25–90 ms while other organisations' requests
 * waited (bench/import-blocks.ts). The statement's size is set in cells, so a
 * wide table gets fewer rows per statement than a narrow one.
 */

/** Cells (rows × the table's columns) per INSERT: a few milliseconds of building, far below PostgreSQL's 65,535 parameters. */
export const STATEMENT_CELLS = 1_000;

/** How many of `table`'s rows go in one statement. */
export function rowsPerStatement(table: PgTable, cells = STATEMENT_CELLS): number {
  return Math.max(1, Math.floor(cells / Object.keys(getTableColumns(table)).length));
}

/**
 * Inserts `rows` in order, in statements of rowsPerStatement(table), inside
 * the caller's transaction (a statement's constraints are checked at its end,
 * so rows that point at each other come in the order that satisfies them).
 * Between statements the event loop gets a turn when the budget is spent:
 * PGlite answers through promises alone, so without one a loop of awaited
 * statements never lets a timer or a socket run.
 */
export async function insertInStatements<T extends PgTable>(tx: Db, table: T, rows: readonly PgInsertValue<T>[], cells = STATEMENT_CELLS) {
  const size = rowsPerStatement(table, cells);
  const clock = turnTaker();
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size));
    await clock.turn();
  }
}
