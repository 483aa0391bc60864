import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { getCustomLabels } from "./ladder.read";
import { belowMe } from "./people.read";
import { runInTurns } from "../../event-loop/turns";
import { peopleToCsv, previewSteps, type ImportPreview } from "@/lib/people/csv";
import type { importCsvInput } from "@/lib/validators/people";
import type { z } from "zod";

// People as CSV: the reads (the export, and the preview of an import, which saves nothing).
// Saving an import is in csv.write.ts.

/** What a file is checked against: the account's people by email, and its level names. */
export async function importContext(db: Db, actor: Actor) {
  const [existing, labels] = await Promise.all([
    db.select({ id: people.id, email: people.email, archivedAt: people.archivedAt }).from(people).where(inScope(people, actor)),
    getCustomLabels(db, actor),
  ]);
  const byEmail = new Map(existing.filter((p) => p.email).map((p) => [p.email!, p]));
  return {
    byEmail,
    context: {
      labels,
      existing: new Map([...byEmail].map(([email, p]) => [email, { archived: p.archivedAt !== null }])),
    },
  };
}

/**
 * Every row with its errors; nothing is saved. Checked in short stretches with
 * turns between (5,000 rows would hold every other request for a second).
 */
export async function previewImport(db: Db, actor: Actor, { csv }: z.output<typeof importCsvInput>): Promise<ImportPreview> {
  const { context } = await importContext(db, actor);
  return runInTurns(previewSteps(csv, context));
}

/** Active people as CSV, managers by email: the file the import reads. */
export async function exportPeopleCsv(db: Db, actor: Actor): Promise<string> {
  const manager = alias(people, "manager");
  const [rows, labels] = await Promise.all([
    db
      .select({
        name: people.name,
        email: people.email,
        title: people.title,
        track: people.track,
        level: people.level,
        managerEmail: manager.email,
        managerId: manager.id,
      })
      .from(people)
      .leftJoin(manager, and(eq(manager.orgId, people.orgId), eq(manager.id, people.managerId)))
      .where(inScope(people, actor, belowMe(actor), isNull(people.archivedAt)))
      .orderBy(asc(people.name)),
    getCustomLabels(db, actor),
  ]);
  // Reporting to the actor is a blank "manager" column, as the import reads it.
  return peopleToCsv(
    rows.map(({ managerId, ...r }) => (managerId === actor.personId ? { ...r, managerEmail: null } : r)),
    labels,
  );
}
