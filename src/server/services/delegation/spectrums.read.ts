import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { spectrumLevels, spectrums, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope, requireAdmin, requireReferences } from "../kernel/access";
import { AppError, notFound } from "../kernel/errors";
import { mapLevels } from "@/lib/delegation/suggestion";

/** Reads: the account's spectrums and their levels. Nothing here writes. */

export type Level = typeof spectrumLevels.$inferSelect;

async function levelsOf(db: Db, actor: Actor, spectrumId: string): Promise<Level[]> {
  return db
    .select()
    .from(spectrumLevels)
    .where(inScope(spectrumLevels, actor, eq(spectrumLevels.spectrumId, spectrumId)))
    .orderBy(asc(spectrumLevels.position));
}

/**
 * The account's active spectrum with its levels, lowest autonomy first. Every
 * account has one from the start (made with the account, see
 * createDefaultSpectrum); none is a bug, answered as NOT_FOUND.
 */
export async function getActiveSpectrum(db: Db, actor: Actor) {
  const [spectrum] = await db
    .select()
    .from(spectrums)
    .where(inScope(spectrums, actor, eq(spectrums.active, true)))
    .limit(1);
  if (!spectrum) throw notFound("Active spectrum");
  return { ...spectrum, levels: await levelsOf(db, actor, spectrum.id) };
}

export async function listSpectrums(db: Db, actor: Actor) {
  const [rows, levels] = await Promise.all([
    db.select().from(spectrums).where(inScope(spectrums, actor)).orderBy(asc(spectrums.createdAt)),
    db.select().from(spectrumLevels).where(inScope(spectrumLevels, actor)).orderBy(asc(spectrumLevels.position)),
  ]);
  return rows.map((s) => ({ ...s, levels: levels.filter((l) => l.spectrumId === s.id) }));
}

export async function getSpectrum(db: Db, actor: Actor, id: string) {
  const spectrum = await loadInScope(db, actor, spectrums, id, "Spectrum");
  return { ...spectrum, levels: await levelsOf(db, actor, id) };
}

/** What switching to a spectrum would do to every task: its level now and the nearest one after. */
export async function previewSwitch(db: Db, actor: Actor, id: string) {
  // Switching the organisation's spectrum is an organisation setting: admins only.
  requireAdmin(actor, "Spectrum");
  const [active, next] = await Promise.all([getActiveSpectrum(db, actor), getSpectrum(db, actor, id)]);
  const mapping = mapLevels(active.levels, next.levels);
  const rows = await db
    .select({ id: tasks.id, title: tasks.title, levelId: tasks.levelId })
    .from(tasks)
    .where(inScope(tasks, actor))
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

/** A level of the active spectrum, or a clear error for one of another spectrum. */
export async function activeLevel(db: Db, actor: Actor, levelId: string): Promise<Level> {
  const active = await getActiveSpectrum(db, actor);
  const level = active.levels.find((l) => l.id === levelId);
  if (level) return level;
  await requireReferences(db, actor, "level", "levelId", levelId);
  throw new AppError("BAD_REQUEST", "That level belongs to another spectrum than the active one.", {
    levelId: "Choose a level of the active spectrum.",
  });
}
