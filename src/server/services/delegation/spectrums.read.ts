import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { spectrumLevels, spectrums, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope, requireAdmin, requireReferences } from "../kernel/access";
import { AppError, notFound } from "../kernel/errors";
import { mapLevels } from "@/lib/delegation/suggestion";
import { actorValues, preparedFor } from "../kernel/prepared";

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
 * createDefaultSpectrum); none is a bug, answered as NOT_FOUND. One statement
 * (the spectrum joined to its levels), built once (kernel/prepared.ts): the
 * prep page, Home and every delegation page ask for it.
 */
export async function getActiveSpectrum(db: Db, actor: Actor) {
  const rows = await preparedFor(db, actor, "active_spectrum", "", (a, name) =>
    db
      .select({ spectrum: spectrums, level: spectrumLevels })
      .from(spectrums)
      .leftJoin(spectrumLevels, inScope(spectrumLevels, a, eq(spectrumLevels.spectrumId, spectrums.id)))
      .where(inScope(spectrums, a, eq(spectrums.active, true)))
      .orderBy(asc(spectrumLevels.position))
      .prepare(name),
  ).execute(actorValues(actor));
  const spectrum = rows[0]?.spectrum;
  if (!spectrum) throw notFound("Active spectrum");
  // At most one spectrum is active (spectrums_one_active_key): every row is one of its levels.
  return { ...spectrum, levels: rows.flatMap((r) => (r.level ? [r.level] : [])) };
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
