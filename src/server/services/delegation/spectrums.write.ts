import { eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { levelChanges, spectrumLevels, spectrums, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inOrg, inReach, inScope, loadInScope, requireAdmin } from "../kernel/access";
import { AppError, notFound } from "../kernel/errors";
import { isForeignKeyViolation } from "../kernel/db-errors";
import { saveVersioned } from "../kernel/versioned";
import { getActiveSpectrum, getSpectrum, type Level } from "./spectrums.read";
import { refreshAutonomyMonths } from "./autonomy-months.write";
import { MANAGEMENT_30, PRESETS, type SpectrumLevel } from "@/lib/delegation/presets";
import { spectrumSwitchedReason } from "@/lib/delegation/flag";
import { mapLevels } from "@/lib/delegation/suggestion";
import type { createSpectrumInput, updateSpectrumInput } from "@/lib/validators/delegation";

/** Writes: making, editing and switching spectrums (reads in spectrums.read.ts). */

/** Inserts a spectrum with its levels (in a transaction the caller holds). */
async function insertSpectrum(
  db: Db,
  orgId: string,
  name: string,
  kind: "m30" | "situational" | "custom",
  levels: SpectrumLevel[],
  active: boolean,
) {
  const [spectrum] = await db.insert(spectrums).values({ orgId, name, kind, active }).returning();
  await db.insert(spectrumLevels).values(levels.map((l, position) => ({ orgId, spectrumId: spectrum!.id, position, ...l })));
  return spectrum!;
}

/**
 * An account's first spectrum, active: Management 3.0's seven levels. Made
 * with the account (createAccount, an import without an active spectrum, and
 * the migration default_spectrums for older accounts), so that reading the
 * spectrum never has to write. Called inside the transaction that makes the
 * account. The migration repeats these rows in SQL: keep them in step.
 */
export async function createDefaultSpectrum(tx: Db, orgId: string) {
  return insertSpectrum(tx, orgId, MANAGEMENT_30.name, "m30", MANAGEMENT_30.levels, true);
}

/** A new (inactive) spectrum from a preset, or a custom one with its levels. Spectrums are organisation settings: admins only. */
export async function createSpectrum(db: Db, actor: Actor, input: z.output<typeof createSpectrumInput>) {
  requireAdmin(actor, "Spectrum");
  if (input.kind === "custom") {
    if (!input.levels) throw new AppError("BAD_REQUEST", "A custom spectrum needs its levels.", { levels: "Add at least two levels." });
    const made = await db.transaction((tx) =>
      insertSpectrum(tx, actor.orgId, input.name ?? "Custom spectrum", "custom", input.levels!, false),
    );
    return getSpectrum(db, actor, made.id);
  }
  const preset = PRESETS.find((p) => p.key === input.kind)!;
  const made = await db.transaction((tx) => insertSpectrum(tx, actor.orgId, input.name ?? preset.name, input.kind, preset.levels, false));
  return getSpectrum(db, actor, made.id);
}

/**
 * Renames, reorders, adds and removes levels, against the version the editor
 * loaded: a stale editor gets CONFLICT and removes nothing (it would otherwise
 * delete levels added since, which it never saw). A level that tasks use
 * cannot be removed until they move; levels keep strictly increasing autonomy.
 */
export async function updateSpectrum(db: Db, actor: Actor, input: z.output<typeof updateSpectrumInput>) {
  await loadInScope(db, actor, spectrums, input.id, "Spectrum", "change");
  try {
    await db.transaction(async (tx) => {
      // First, as the edit's claim on the spectrum: the row stays locked to the
      // end, so a second editor waits here and then fails the version check.
      // An edited preset is the account's own spectrum from now on.
      await saveVersioned(tx, spectrums, {
        where: inReach(spectrums, actor, eq(spectrums.id, input.id)),
        version: input.version,
        set: { name: input.name, kind: "custom" },
        what: "spectrum",
      });
      // Read under the claim: these are the levels of the version the editor saw.
      const current = await tx
        .select()
        .from(spectrumLevels)
        .where(inReach(spectrumLevels, actor, eq(spectrumLevels.spectrumId, input.id)));
      const keptIds = new Set(input.levels.map((l) => l.id).filter(Boolean));
      if (input.levels.some((l) => l.id && !current.some((c) => c.id === l.id))) throw notFound("Level");
      const removed = current.filter((l) => !keptIds.has(l.id));
      if (removed.length) {
        const removedIds = removed.map((l) => l.id);
        // Locked before counting their tasks: a task moved to one of them at the
        // same moment (setTaskLevel locks its level for share) either committed
        // first and is counted here, or waits and then finds its level gone.
        await tx
          .select({ id: spectrumLevels.id })
          .from(spectrumLevels)
          .where(inReach(spectrumLevels, actor, inArray(spectrumLevels.id, removedIds)))
          .for("update");
        // Every task of the organisation counts, not only those the admin sees: the spectrum is everyone's.
        const [used] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(tasks)
          .where(inOrg(tasks, actor, inArray(tasks.levelId, removedIds)));
        if (used!.n > 0) throw levelsInUse(removed, used!.n);
        await tx.delete(spectrumLevels).where(inReach(spectrumLevels, actor, inArray(spectrumLevels.id, removedIds)));
      }
      for (const [position, level] of input.levels.entries()) {
        if (level.id) {
          await tx
            .update(spectrumLevels)
            .set({ position, label: level.label, meaning: level.meaning, autonomy: level.autonomy })
            .where(inReach(spectrumLevels, actor, eq(spectrumLevels.id, level.id)));
        } else {
          await tx.insert(spectrumLevels).values({
            orgId: actor.orgId,
            spectrumId: input.id,
            position,
            label: level.label,
            meaning: level.meaning,
            autonomy: level.autonomy,
          });
        }
      }
    });
  } catch (error) {
    // A task got one of the removed levels in a way the locks above did not
    // cover: the database refused the delete, and nothing was saved.
    if (isForeignKeyViolation(error))
      throw new AppError(
        "CONFLICT",
        "A level you removed was just given to a task: nothing was saved. Reload the spectrum, move that task, then remove the level.",
      );
    throw error;
  }
  return getSpectrum(db, actor, input.id);
}

function levelsInUse(removed: Level[], n: number) {
  return new AppError(
    "CONFLICT",
    `${removed.map((l) => l.label).join(", ")} ${removed.length === 1 ? "is" : "are"} used by ${n} task${n === 1 ? "" : "s"}: move them to another level first.`,
  );
}

/**
 * Inside a transaction that is about to point a task at a level: locks the
 * level for share, so that a spectrum edit cannot remove it until the
 * transaction ends, and answers clearly if it was removed just now.
 */
export async function holdLevel(tx: Db, actor: Actor, levelId: string) {
  const [row] = await tx
    .select({ id: spectrumLevels.id })
    .from(spectrumLevels)
    .where(inScope(spectrumLevels, actor, eq(spectrumLevels.id, levelId)))
    .for("share");
  if (!row)
    throw new AppError("BAD_REQUEST", "That level was just removed from the spectrum: choose another.", {
      levelId: "That level was just removed: choose another.",
    });
}

/**
 * Makes a spectrum active and moves every task of the organisation to its
 * nearest level, keeping the change in each task's history. Admins only (the
 * spectrum is an organisation setting); the tasks moved are all the
 * organisation's, whoever delegates them.
 */
export async function activateSpectrum(db: Db, actor: Actor, id: string) {
  await loadInScope(db, actor, spectrums, id, "Spectrum", "change");
  const [active, next] = await Promise.all([getActiveSpectrum(db, actor), getSpectrum(db, actor, id)]);
  if (active.id === next.id) return next;
  const mapping = mapLevels(active.levels, next.levels);
  const rows = await db.select({ id: tasks.id, levelId: tasks.levelId }).from(tasks).where(inOrg(tasks, actor));
  await db.transaction(async (tx) => {
    // The levels mapped above must still be the spectrum's: an edit of it takes this row's lock
    // first (see updateSpectrum), so either it finished before (a new version: refuse) or it waits.
    const [claimed] = await tx
      .select({ version: spectrums.version })
      .from(spectrums)
      .where(inReach(spectrums, actor, eq(spectrums.id, next.id)))
      .for("update");
    if (!claimed) throw notFound("Spectrum");
    if (claimed.version !== next.version)
      throw new AppError("CONFLICT", `${next.name} was changed elsewhere just now: open the switch again to see where every task goes.`);
    await tx
      .update(spectrums)
      .set({ active: false })
      .where(inReach(spectrums, actor, eq(spectrums.id, active.id)));
    await tx
      .update(spectrums)
      .set({ active: true })
      .where(inReach(spectrums, actor, eq(spectrums.id, next.id)));
    for (const from of active.levels) {
      const to = mapping.get(from.id)!;
      const moving = rows.filter((t) => t.levelId === from.id);
      if (moving.length === 0) continue;
      await tx
        .update(tasks)
        .set({ levelId: to.id, updatedAt: new Date() })
        .where(inOrg(tasks, actor, eq(tasks.levelId, from.id)));
      await tx.insert(levelChanges).values(
        moving.map((t) => ({
          orgId: actor.orgId,
          taskId: t.id,
          fromLabel: from.label,
          fromAutonomy: from.autonomy,
          toLabel: to.label,
          toAutonomy: to.autonomy,
          reason: spectrumSwitchedReason(next.name),
        })),
      );
    }
    // Every task may have moved: the whole organisation's trend, once.
    if (rows.length) await refreshAutonomyMonths(tx, actor.orgId, "all");
  });
  return { ...next, active: true };
}
