/**
 * Loading a file of one's own data (an export of scope "own") into the
 * actor's own place in this organisation: the rows are checked and given new
 * ids by import.write.ts; here they are inserted, for any member.
 */

import { count, eq, inArray, or, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import * as schema from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError } from "../kernel/errors";
import { insertInStatements } from "../kernel/insert-in-statements";
import { inOrg, inScope } from "../kernel/access";
import { oneOnOneSideOf } from "../kernel/access";
import { columnsOf, EXPORT_TABLES, type Row, type TableName } from "./export.read";

/** Tables of one user's own rows inside the organisation: they have a `user_id`. */
export const PERSONAL_TABLES = (Object.entries(EXPORT_TABLES) as [TableName, PgTable][])
  .filter(([, table]) => "userId" in columnsOf(table))
  .map(([name]) => name);

/** The notes a member writes and exports as theirs: they name people, 1:1s and goals of the organisation. */
export const AUTHORED_TABLES = ["coaching_notes", "person_notes"] as const satisfies TableName[];

/** What a file of one's own data may hold rows in. */
export const OWN_TABLES: ReadonlySet<TableName> = new Set([...PERSONAL_TABLES, ...AUTHORED_TABLES]);

type Authored = (typeof AUTHORED_TABLES)[number];

/**
 * Inserts the actor's own rows, prepared from the file: the energy log and the
 * plans into the actor's (organisation, user), the notes with the actor as
 * their author. Refused with CONFLICT if the actor already has own data here
 * (a second import would double it). A note whose person, 1:1 or goal is not
 * one the actor reaches in this organisation is left out and counted in
 * `skipped`: a file from another organisation names people who are not here.
 * All or nothing otherwise.
 */
export async function loadOwnData(tx: Db, actor: Actor, prepared: Record<TableName, Row[]>) {
  // As the organisation's import locks the organisation: of two imports of one member at once, the
  // second waits here and then finds their data. Sharing the organisation's lock keeps an admin's
  // whole-organisation import (which counts everyone's rows) from running beside it.
  await tx.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.id, actor.orgId)).for("share");
  await tx
    .select({ userId: schema.memberships.userId })
    .from(schema.memberships)
    .where(inOrg(schema.memberships, actor, eq(schema.memberships.userId, actor.userId)))
    .for("update");

  const mine: { table: PgTable; where: SQL }[] = [
    ...PERSONAL_TABLES.map((name) => {
      const table = EXPORT_TABLES[name] as PgTable;
      const cols = columnsOf(table);
      return { table, where: inOrg({ orgId: cols.orgId! }, actor, eq(cols.userId!, actor.userId)) };
    }),
    ...AUTHORED_TABLES.map((name) => {
      const table = EXPORT_TABLES[name] as PgTable;
      const cols = columnsOf(table);
      return { table, where: inOrg({ orgId: cols.orgId! }, actor, eq(cols.authorPersonId!, actor.personId)) };
    }),
  ];
  for (const { table, where } of mine) {
    const [{ n }] = (await tx.select({ n: count() }).from(table).where(where)) as [{ n: number }];
    if (Number(n) > 0)
      throw new AppError(
        "CONFLICT",
        "You already have data of your own in this organisation (an energy log, a plan or notes): a file of your own data loads only before you have any. Nothing was imported.",
      );
  }

  const reachable = await reachableNotes(tx, actor, prepared);
  const imported: Record<string, number> = {};
  const skipped: Record<Authored, number> = { coaching_notes: 0, person_notes: 0 };
  for (const name of OWN_TABLES) {
    const table = EXPORT_TABLES[name] as PgTable;
    let rows = prepared[name];
    if (name === "coaching_notes" || name === "person_notes") {
      const kept = rows.filter(reachable[name]);
      skipped[name] = rows.length - kept.length;
      rows = kept.map((row) => ({ ...row, orgId: actor.orgId, authorPersonId: actor.personId }));
    } else {
      rows = rows.map((row) => ({ ...row, orgId: actor.orgId, userId: actor.userId }));
    }
    imported[name] = rows.length;
    await insertInStatements(tx, table, rows);
  }
  return { imported, skipped };
}

const idsIn = (rows: Row[], key: string) => [...new Set(rows.map((row) => row[key]).filter((id): id is string => typeof id === "string"))];

/** The rows among `ids` of `table` the actor may see: id → the person each is about (a 1:1's, a goal's; a person's own id). */
async function visible(tx: Db, table: PgTable & { id: PgColumn; orgId: PgColumn }, person: PgColumn, actor: Actor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: table.id, personId: person })
    .from(table as PgTable)
    .where(inScope(table, actor, inArray(table.id, ids)));
  return new Map(rows.map((row) => [row.id as string, row.personId as string]));
}

/**
 * Which of the file's notes the actor may write here, by the access kernel:
 * - a coaching note is about someone whose 1:1s the actor is a side of (their
 *   report, or someone they held a 1:1 with) or about themself (a report's
 *   own note), as the 1:1 screens let one write; a shared note shows to that
 *   person and their manager, so it may not land on just anyone's page. Its
 *   1:1 and goal, if any, are ones the actor sees, of the same person;
 * - a person note is about someone the actor sees (everyone in the
 *   organisation): it stays its author's alone.
 */
async function reachableNotes(tx: Db, actor: Actor, prepared: Record<TableName, Row[]>) {
  const notes = prepared.coaching_notes;
  const people = schema.people;
  const noteIds = idsIn(notes, "personId");
  const sides = new Set(
    noteIds.length === 0
      ? []
      : (
          await tx
            .select({ id: people.id })
            .from(people)
            .where(inScope(people, actor, inArray(people.id, noteIds), or(eq(people.id, actor.personId), oneOnOneSideOf(actor, people.id))))
        ).map((p) => p.id),
  );
  const meetings = await visible(tx, schema.oneOnOnes, schema.oneOnOnes.personId, actor, idsIn(notes, "oneOnOneId"));
  const goals = await visible(tx, schema.growthGoals, schema.growthGoals.personId, actor, idsIn(notes, "goalId"));
  const about = await visible(tx, people, people.id, actor, idsIn(prepared.person_notes, "personId"));
  return {
    coaching_notes: (row: Row) =>
      sides.has(row.personId as string) &&
      (row.oneOnOneId == null || meetings.get(row.oneOnOneId as string) === row.personId) &&
      (row.goalId == null || goals.get(row.goalId as string) === row.personId),
    person_notes: (row: Row) => about.has(row.personId as string),
  };
}
