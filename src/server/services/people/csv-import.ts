import { randomUUID } from "node:crypto";
import { asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { isUniqueViolation } from "../kernel/db-errors";
import { AppError } from "../kernel/errors";
import { getCustomLabels } from "./ladder";
import { lockOrg } from "./people";
import { ownedBy } from "../kernel/scope";
import { peopleToCsv, previewPeopleCsv, type ImportPreview } from "@/lib/people/csv";
import { importCsvInput } from "@/lib/validators/people";
import type { z } from "zod";

async function importContext(db: Db, actor: Actor) {
  const [existing, labels] = await Promise.all([
    db
      .select({ id: people.id, email: people.email, archivedAt: people.archivedAt })
      .from(people)
      .where(ownedBy(people, actor)),
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

/** Every row with its errors; nothing is saved. */
export async function previewImport(db: Db, actor: Actor, raw: z.input<typeof importCsvInput>): Promise<ImportPreview> {
  const { csv } = importCsvInput.parse(raw);
  const { context } = await importContext(db, actor);
  return previewPeopleCsv(csv, context);
}

/**
 * Imports the whole file or nothing: the rows are checked again against the
 * account as it is now, and saved in one statement.
 */
export async function commitImport(db: Db, actor: Actor, raw: z.input<typeof importCsvInput>) {
  const { csv } = importCsvInput.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      // New reporting lines into the org: checked against it under the org lock, so no manager is archived meanwhile.
      await lockOrg(tx, actor);
      const { context, byEmail } = await importContext(tx, actor);
      const preview = previewPeopleCsv(csv, context);
      if (!preview.valid) {
        const first = preview.fileErrors[0] ?? preview.rows.find((r) => r.errors.length > 0);
        const message =
          typeof first === "string" ? first : `Line ${first!.line}: ${first!.errors[0]} Nothing was imported.`;
        throw new AppError("BAD_REQUEST", message);
      }
      const newIds = new Map(preview.rows.filter((r) => r.email).map((r) => [r.email!, randomUUID()]));
      const values = preview.rows.map((r) => ({
        id: (r.email && newIds.get(r.email)) || randomUUID(),
        ownerId: actor.userId,
        name: r.name,
        email: r.email,
        title: r.title,
        track: r.track!,
        level: r.level!,
        managerId: r.managerEmail ? (newIds.get(r.managerEmail) ?? byEmail.get(r.managerEmail)!.id) : null,
      }));
      // One statement: its foreign keys are checked at its end, so rows may name managers listed later.
      await tx.insert(people).values(values);
      return { imported: values.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Someone in the file was added meanwhile. Nothing was imported.");
    throw error;
  }
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
      })
      .from(people)
      .leftJoin(manager, eq(manager.id, people.managerId))
      .where(ownedBy(people, actor, isNull(people.archivedAt)))
      .orderBy(asc(people.name)),
    getCustomLabels(db, actor),
  ]);
  return peopleToCsv(rows, labels);
}
