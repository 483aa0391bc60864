import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { levelChanges, spectrumLevels, spectrums, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, notFound } from "../kernel/errors";
import { ownedBy } from "../kernel/scope";
import { isForeignKeyViolation } from "../kernel/db-errors";
import { saveVersioned } from "../kernel/versioned";
import { MANAGEMENT_30, PRESETS } from "@/lib/delegation/presets";
import { mapLevels } from "@/lib/delegation/suggestion";
import { createSpectrumInput, updateSpectrumInput } from "@/lib/validators/delegation";
import type { z } from "zod";

export type Level = typeof spectrumLevels.$inferSelect;

async function insertSpectrum(db: Db, actor: Actor, name: string, kind: "m30" | "situational" | "custom", levels: { label: string; meaning: string; autonomy: number }[], active: boolean) {
  const [spectrum] = await db.insert(spectrums).values({ ownerId: actor.userId, name, kind, active }).returning();
  await db.insert(spectrumLevels).values(levels.map((l, position) => ({ ownerId: actor.userId, spectrumId: spectrum!.id, position, ...l })));
  return spectrum!;
}

/**
 * The account's active spectrum with its levels, lowest autonomy first. An
 * account starts with Management 3.0's seven levels, made on first use.
 */
export async function getActiveSpectrum(db: Db, actor: Actor) {
  let [spectrum] = await db.select().from(spectrums).where(ownedBy(spectrums, actor, eq(spectrums.active, true))).limit(1);
  if (!spectrum) {
    spectrum = await db.transaction(async (tx) => {
      // Two first requests at once: the unique "one active" index lets only one insert win.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`spectrum:${actor.userId}`}))`);
      const [again] = await tx.select().from(spectrums).where(ownedBy(spectrums, actor, eq(spectrums.active, true))).limit(1);
      return again ?? insertSpectrum(tx, actor, MANAGEMENT_30.name, "m30", MANAGEMENT_30.levels, true);
    });
  }
  const levels = await db.select().from(spectrumLevels).where(ownedBy(spectrumLevels, actor, eq(spectrumLevels.spectrumId, spectrum.id))).orderBy(asc(spectrumLevels.position));
  return { ...spectrum, levels };
}

export async function listSpectrums(db: Db, actor: Actor) {
  await getActiveSpectrum(db, actor);
  const [rows, levels] = await Promise.all([
    db.select().from(spectrums).where(ownedBy(spectrums, actor)).orderBy(asc(spectrums.createdAt)),
    db.select().from(spectrumLevels).where(ownedBy(spectrumLevels, actor)).orderBy(asc(spectrumLevels.position)),
  ]);
  return rows.map((s) => ({ ...s, levels: levels.filter((l) => l.spectrumId === s.id) }));
}

async function getSpectrum(db: Db, actor: Actor, id: string) {
  const [spectrum] = await db.select().from(spectrums).where(ownedBy(spectrums, actor, eq(spectrums.id, id))).limit(1);
  if (!spectrum) throw notFound("Spectrum");
  const levels = await db.select().from(spectrumLevels).where(ownedBy(spectrumLevels, actor, eq(spectrumLevels.spectrumId, id))).orderBy(asc(spectrumLevels.position));
  return { ...spectrum, levels };
}

/** A new (inactive) spectrum from a preset, or a custom one with its levels. */
export async function createSpectrum(db: Db, actor: Actor, raw: z.input<typeof createSpectrumInput>) {
  const input = createSpectrumInput.parse(raw);
  await getActiveSpectrum(db, actor);
  if (input.kind === "custom") {
    if (!input.levels) throw new AppError("BAD_REQUEST", "A custom spectrum needs its levels.", { levels: "Add at least two levels." });
    const made = await db.transaction((tx) => insertSpectrum(tx, actor, input.name ?? "Custom spectrum", "custom", input.levels!, false));
    return getSpectrum(db, actor, made.id);
  }
  const preset = PRESETS.find((p) => p.key === input.kind)!;
  const made = await db.transaction((tx) => insertSpectrum(tx, actor, input.name ?? preset.name, input.kind, preset.levels, false));
  return getSpectrum(db, actor, made.id);
}

/**
 * Renames, reorders, adds and removes levels, against the version the editor
 * loaded: a stale editor gets CONFLICT and removes nothing (it would otherwise
 * delete levels added since, which it never saw). A level that tasks use
 * cannot be removed until they move; levels keep strictly increasing autonomy.
 */
export async function updateSpectrum(db: Db, actor: Actor, raw: z.input<typeof updateSpectrumInput>) {
  const input = updateSpectrumInput.parse(raw);
  await getSpectrum(db, actor, input.id);
  try {
    await db.transaction(async (tx) => {
      // First, as the edit's claim on the spectrum: the row stays locked to the
      // end, so a second editor waits here and then fails the version check.
      // An edited preset is the account's own spectrum from now on.
      await saveVersioned(tx, spectrums, { where: ownedBy(spectrums, actor, eq(spectrums.id, input.id)), version: input.version, set: { name: input.name, kind: "custom" }, what: "spectrum" });
      // Read under the claim: these are the levels of the version the editor saw.
      const current = await tx.select().from(spectrumLevels).where(ownedBy(spectrumLevels, actor, eq(spectrumLevels.spectrumId, input.id)));
      const keptIds = new Set(input.levels.map((l) => l.id).filter(Boolean));
      if (input.levels.some((l) => l.id && !current.some((c) => c.id === l.id))) throw notFound("Level");
      const removed = current.filter((l) => !keptIds.has(l.id));
      if (removed.length) {
        const removedIds = removed.map((l) => l.id);
        // Locked before counting their tasks: a task moved to one of them at the
        // same moment (setTaskLevel locks its level for share) either committed
        // first and is counted here, or waits and then finds its level gone.
        await tx.select({ id: spectrumLevels.id }).from(spectrumLevels).where(ownedBy(spectrumLevels, actor, inArray(spectrumLevels.id, removedIds))).for("update");
        const [used] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(tasks)
          .where(ownedBy(tasks, actor, inArray(tasks.levelId, removedIds)));
        if (used!.n > 0) throw levelsInUse(removed, used!.n);
        await tx.delete(spectrumLevels).where(ownedBy(spectrumLevels, actor, inArray(spectrumLevels.id, removedIds)));
      }
      for (const [position, level] of input.levels.entries()) {
        if (level.id) {
          await tx
            .update(spectrumLevels)
            .set({ position, label: level.label, meaning: level.meaning, autonomy: level.autonomy })
            .where(ownedBy(spectrumLevels, actor, eq(spectrumLevels.id, level.id)));
        } else {
          await tx.insert(spectrumLevels).values({ ownerId: actor.userId, spectrumId: input.id, position, label: level.label, meaning: level.meaning, autonomy: level.autonomy });
        }
      }
    });
  } catch (error) {
    // A task got one of the removed levels in a way the locks above did not
    // cover: the database refused the delete, and nothing was saved.
    if (isForeignKeyViolation(error)) throw new AppError("CONFLICT", "A level you removed was just given to a task: nothing was saved. Reload the spectrum, move that task, then remove the level.");
    throw error;
  }
  return getSpectrum(db, actor, input.id);
}

function levelsInUse(removed: Level[], n: number) {
  return new AppError("CONFLICT", `${removed.map((l) => l.label).join(", ")} ${removed.length === 1 ? "is" : "are"} used by ${n} task${n === 1 ? "" : "s"}: move them to another level first.`);
}

/**
 * Inside a transaction that is about to point a task at a level: locks the
 * level for share, so that a spectrum edit cannot remove it until the
 * transaction ends, and answers clearly if it was removed just now.
 */
export async function holdLevel(tx: Db, actor: Actor, levelId: string) {
  const [row] = await tx.select({ id: spectrumLevels.id }).from(spectrumLevels).where(ownedBy(spectrumLevels, actor, eq(spectrumLevels.id, levelId))).for("share");
  if (!row) throw new AppError("BAD_REQUEST", "That level was just removed from the spectrum: choose another.", { levelId: "That level was just removed: choose another." });
}

/** What switching to a spectrum would do to every task: its level now and the nearest one after. */
export async function previewSwitch(db: Db, actor: Actor, id: string) {
  const [active, next] = await Promise.all([getActiveSpectrum(db, actor), getSpectrum(db, actor, id)]);
  const mapping = mapLevels(active.levels, next.levels);
  const rows = await db
    .select({ id: tasks.id, title: tasks.title, levelId: tasks.levelId })
    .from(tasks)
    .where(ownedBy(tasks, actor))
    .orderBy(asc(tasks.title));
  return {
    from: { id: active.id, name: active.name },
    to: { id: next.id, name: next.name },
    tasks: rows.map((t) => ({
      id: t.id,
      title: t.title,
      from: active.levels.find((l) => l.id === t.levelId)?.label ?? "?",
      to: mapping.get(t.levelId)?.label ?? "?",
    })),
  };
}

/** Makes a spectrum active and moves every task to its nearest level, keeping the change in each task's history. */
export async function activateSpectrum(db: Db, actor: Actor, id: string) {
  const [active, next] = await Promise.all([getActiveSpectrum(db, actor), getSpectrum(db, actor, id)]);
  if (active.id === next.id) return next;
  const mapping = mapLevels(active.levels, next.levels);
  const rows = await db.select({ id: tasks.id, levelId: tasks.levelId }).from(tasks).where(ownedBy(tasks, actor));
  await db.transaction(async (tx) => {
    // The levels mapped above must still be the spectrum's: an edit of it takes this row's lock
    // first (see updateSpectrum), so either it finished before (a new version: refuse) or it waits.
    const [claimed] = await tx.select({ version: spectrums.version }).from(spectrums).where(ownedBy(spectrums, actor, eq(spectrums.id, next.id))).for("update");
    if (!claimed) throw notFound("Spectrum");
    if (claimed.version !== next.version) throw new AppError("CONFLICT", `${next.name} was changed elsewhere just now: open the switch again to see where every task goes.`);
    await tx.update(spectrums).set({ active: false }).where(ownedBy(spectrums, actor, eq(spectrums.id, active.id)));
    await tx.update(spectrums).set({ active: true }).where(ownedBy(spectrums, actor, eq(spectrums.id, next.id)));
    for (const from of active.levels) {
      const to = mapping.get(from.id)!;
      const moving = rows.filter((t) => t.levelId === from.id);
      if (moving.length === 0) continue;
      await tx.update(tasks).set({ levelId: to.id, updatedAt: new Date() }).where(ownedBy(tasks, actor, eq(tasks.levelId, from.id)));
      await tx.insert(levelChanges).values(
        moving.map((t) => ({
          ownerId: actor.userId,
          taskId: t.id,
          fromLabel: from.label,
          fromAutonomy: from.autonomy,
          toLabel: to.label,
          toAutonomy: to.autonomy,
          reason: `Spectrum switched to ${next.name}`,
        })),
      );
    }
  });
  return { ...next, active: true };
}

/** A level of the active spectrum, or a clear error for one of another spectrum. */
export async function activeLevel(db: Db, actor: Actor, levelId: string): Promise<Level> {
  const active = await getActiveSpectrum(db, actor);
  const level = active.levels.find((l) => l.id === levelId);
  if (level) return level;
  const [elsewhere] = await db.select({ id: spectrumLevels.id }).from(spectrumLevels).where(ownedBy(spectrumLevels, actor, eq(spectrumLevels.id, levelId)));
  if (elsewhere) throw new AppError("BAD_REQUEST", "That level belongs to another spectrum than the active one.", { levelId: "Choose a level of the active spectrum." });
  throw notFound("Level");
}

