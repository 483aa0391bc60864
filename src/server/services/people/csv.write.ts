import { rebuildChart } from "./chart.write";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/types";
import { people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { isUniqueViolation } from "../kernel/db-errors";
import { insertInStatements } from "../kernel/insert-in-statements";
import { AppError } from "../kernel/errors";
import { importContext } from "./csv.read";
import { lockOrg } from "./people.write";
import { forEachInTurns, mapInTurns, runInTurns } from "../../event-loop/turns";
import { previewSteps } from "@/lib/people/csv";
import { defaultCadence } from "@/lib/people/ladder";
import type { importCsvInput } from "@/lib/validators/people";
import type { z } from "zod";

// People as CSV: saving an import. The export and the preview are in csv.read.ts.

/**
 * New people ordered so that each comes after a manager who is also new (the file is checked free of loops).
 * With turns between stretches: 5,000 rows are several milliseconds of work.
 */
export async function managersFirst<T extends { id: string; managerId: string }>(rows: T[]): Promise<T[]> {
  const byId = new Map<string, T>();
  await forEachInTurns(rows, (r) => byId.set(r.id, r));
  const placed = new Set<string>();
  const out: T[] = [];
  await forEachInTurns(rows, (row) => {
    const line: T[] = [];
    for (let at: T | undefined = row; at && !placed.has(at.id); at = byId.get(at.managerId)) {
      placed.add(at.id);
      line.push(at);
    }
    out.push(...line.reverse());
  });
  return out;
}

/**
 * Imports the whole file or nothing: the rows are checked again against the
 * account as it is now, and saved in one transaction.
 */
export async function commitImport(db: Db, actor: Actor, { csv }: z.output<typeof importCsvInput>) {
  try {
    return await db.transaction(async (tx) => {
      // New reporting lines into the org: checked against it under the org lock, so no manager is archived meanwhile.
      await lockOrg(tx, actor);
      const { context, byEmail } = await importContext(tx, actor);
      // In short stretches, with other requests between: the transaction holds one connection of the pool meanwhile, not the event loop.
      const preview = await runInTurns(previewSteps(csv, context));
      if (!preview.valid) {
        const first = preview.fileErrors[0] ?? preview.rows.find((r) => r.errors.length > 0);
        const message = typeof first === "string" ? first : `Line ${first!.line}: ${first!.errors[0]} Nothing was imported.`;
        throw new AppError("BAD_REQUEST", message);
      }
      const newIds = new Map<string, string>();
      await forEachInTurns(preview.rows, (r) => {
        if (r.email) newIds.set(r.email, randomUUID());
      });
      const values = await mapInTurns(preview.rows, (r) => {
        const managerId = r.managerEmail ? (newIds.get(r.managerEmail) ?? byEmail.get(r.managerEmail)!.id) : actor.personId;
        return {
          id: (r.email && newIds.get(r.email)) || randomUUID(),
          orgId: actor.orgId,
          name: r.name,
          email: r.email,
          title: r.title,
          track: r.track!,
          level: r.level!,
          managerId,
          // The importer's own reports meet them fortnightly; people further down start with no set cadence.
          cadence: defaultCadence(managerId === actor.personId),
        };
      });
      // Managers before their reports, in small statements (each a short stretch of building SQL, with
      // other requests between): a statement's foreign keys are checked at its end.
      await insertInStatements(tx, people, await managersFirst(values));
      await rebuildChart(tx, actor.orgId, { bulk: true });
      return { imported: values.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Someone in the file was added meanwhile. Nothing was imported.");
    throw error;
  }
}
