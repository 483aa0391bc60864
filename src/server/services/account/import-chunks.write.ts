/**
 * Inserting an organisation's file (import.write.ts) in short transactions, on
 * the embedded database: there every request shares one connection, and one
 * transaction of 200,000 rows would hold it, and so stop every other
 * organisation's pages, for many seconds (bench/fairness.ts). On PostgreSQL the
 * import stays one transaction: it holds one connection of the pool.
 *
 * The story that keeps "all or nothing":
 * - the first transaction checks that the organisation is empty, under its
 *   row lock, and inserts the first slice of rows (at least one row the
 *   emptiness check counts), so a second import of the same organisation
 *   finds it no longer empty and is refused, as with one transaction;
 * - the other slices follow, each its own transaction of IMPORT_CHUNK_ROWS
 *   rows at most; the last one also rebuilds the chart and saves the settings;
 * - if a slice is refused, every row of the organisation but the importer's
 *   own person is deleted again (in slices too), and the default spectrum is
 *   made again: the organisation is as empty as before, and the refusal is
 *   the same 400 as before.
 * Meanwhile only the importer sees the organisation fill (it must be empty, so
 * they are its only member). A crash of the process in the middle leaves the
 * slices loaded so far: the organisation is then not empty, a second import
 * is refused, and the way back is to delete the account and import again.
 */

import { sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import * as schema from "../../db/schema/index";
import { turnBetweenTransactions } from "../../event-loop/turns";
import type { Actor } from "../kernel/actor";
import { insertInStatements } from "../kernel/insert-in-statements";
import { createDefaultSpectrum } from "../delegation/spectrums.write";
import { rebuildChart } from "../people/chart.write";
import { EXPORT_TABLES, type Row, type TableName } from "./export.read";

/** Rows per transaction on the embedded database: tens of milliseconds of work each (bench/RESULTS.md). */
export const IMPORT_CHUNK_ROWS = 1_000;

export type Load = { name: TableName; table: PgTable; rows: Row[] };

/**
 * The loads cut into slices of at most `size` rows, in their order (a slice
 * may span tables). The first slice grows until it holds a row for which
 * `claims` is true, so that committing it makes the organisation non-empty.
 */
export function slicesOf(loads: Load[], size: number, claims: (name: TableName) => boolean): Load[][] {
  const slices: Load[][] = [];
  let slice: Load[] = [];
  let inSlice = 0;
  let claimed = false;
  for (const load of loads) {
    for (let i = 0; i < load.rows.length;) {
      // A full slice that does not claim the organisation yet takes this table whole (spectrums: 1,300 rows at most).
      const take = inSlice < size ? Math.min(size - inSlice, load.rows.length - i) : load.rows.length - i;
      slice.push({ ...load, rows: load.rows.slice(i, i + take) });
      inSlice += take;
      i += take;
      if (claims(load.name)) claimed = true;
      if (inSlice >= size && claimed) {
        slices.push(slice);
        slice = [];
        inSlice = 0;
      }
    }
  }
  if (slice.length) slices.push(slice);
  return slices;
}

/** A slice's rows in their order, in small statements (each a short stretch of building SQL: kernel/insert-in-statements.ts). */
export async function insertSlice(tx: Db, slice: Load[]) {
  for (const { table, rows } of slice) await insertInStatements(tx, table, rows);
}

/**
 * Runs `claim` (the emptiness check) with the first slice in one transaction,
 * then each further slice in its own, then `settle` (chart, settings). On a
 * refusal after the first, the organisation is emptied again before the error
 * goes on.
 */
export async function loadInSlices(
  db: Db,
  actor: Actor,
  work: { slices: Load[][]; claim: (tx: Db) => Promise<void>; settle: (tx: Db) => Promise<void> },
) {
  const [first = [], ...rest] = work.slices;
  await db.transaction(async (tx) => {
    await work.claim(tx);
    await insertSlice(tx, first);
  });
  try {
    for (const slice of rest) {
      // Between two slices timers and I/O run, and people's requests in flight go first. PGlite runs each statement
      // synchronously in this process and answers through promises alone: without this turn other requests could
      // not even start between two slices (the fairness bench saw the loop blocked for the whole 30 s import).
      await turnBetweenTransactions();
      await db.transaction((tx) => insertSlice(tx, slice));
    }
    await turnBetweenTransactions();
    await db.transaction(work.settle);
  } catch (error) {
    await emptyAgain(db, actor);
    throw error;
  }
}

/** Rows deleted per statement when emptying an organisation again. */
const DELETE_ROWS = 2_000;

/**
 * Deletes every row of the export's tables in the organisation but the
 * actor's own person, the tables in reverse order (rows that point at others
 * first), a slice per transaction; then the chart and the default spectrum,
 * as at sign-up.
 */
export async function emptyAgain(db: Db, actor: Actor) {
  for (const table of (Object.values(EXPORT_TABLES) as PgTable[]).reverse()) {
    const name = sql.identifier(getTableConfig(table).name);
    const keep = table === schema.people ? sql`and id <> ${actor.personId}` : sql``;
    for (;;) {
      const deleted = await db.execute(
        sql`delete from ${name} where ctid = any(array(select ctid from ${name} where org_id = ${actor.orgId} ${keep} limit ${DELETE_ROWS}))`,
      );
      const count = (deleted as { affectedRows?: number; count?: number }).affectedRows ?? (deleted as { count?: number }).count ?? 0;
      if (count < DELETE_ROWS) break;
      await turnBetweenTransactions();
    }
  }
  await db.transaction(async (tx) => {
    await rebuildChart(tx, actor.orgId);
    await createDefaultSpectrum(tx, actor.orgId);
  });
}
