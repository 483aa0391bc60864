import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { energyDays, energyEntries, weeklyReviews } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { isUniqueViolation } from "../kernel/db-errors";
import { fieldError, notFound } from "../kernel/errors";
import { saveVersioned } from "../kernel/versioned";
import { logDayProblem } from "@/lib/energy/log-day";
import { normaliseTags, SLOT_LABELS } from "@/lib/energy/slots";
import { formatDay } from "@/lib/format";
import type { logEnergyInput, productiveHoursInput, updateEnergyInput, weeklyReviewInput } from "@/lib/validators/capacity";

/** Writes: the energy log, productive hours and the weekly review's answers (the week is read in energy.read.ts). */

/** Refuses a day that is not the user's today or earlier (within a year). */
async function checkDay(db: Db, actor: Actor, day: string, now: Date) {
  const problem = logDayProblem(day, (await userClock(db, actor, now)).today);
  if (problem) throw fieldError("BAD_REQUEST", "day", problem);
}

/** Logs a slot of a day. A slot already logged is refused with a clear message: it is edited, not duplicated. */
export async function logEnergy(db: Db, actor: Actor, input: z.output<typeof logEnergyInput>, now = new Date()) {
  await checkDay(db, actor, input.day, now);
  try {
    const [row] = await db
      .insert(energyEntries)
      .values({ orgId: actor.orgId, userId: actor.userId, ...input, tags: normaliseTags(input.tags) })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw fieldError(
        "CONFLICT",
        "slot",
        `${SLOT_LABELS[input.slot]} of ${formatDay(input.day, "en-GB")} is already logged: edit that entry instead.`,
      );
    }
    throw error;
  }
}

export async function updateEnergy(db: Db, actor: Actor, { id, ...input }: z.output<typeof updateEnergyInput>) {
  const [row] = await db
    .update(energyEntries)
    .set({ ...input, tags: normaliseTags(input.tags), updatedAt: new Date() })
    .where(inScope(energyEntries, actor, eq(energyEntries.id, id)))
    .returning();
  if (!row) throw notFound("Energy entry");
  return row;
}

export async function deleteEnergy(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(energyEntries)
    .where(inScope(energyEntries, actor, eq(energyEntries.id, id)))
    .returning();
  if (!row) throw notFound("Energy entry");
  return row;
}

/** Sets a day's productive hours (null clears them). */
export async function setProductiveHours(db: Db, actor: Actor, { day, hours }: z.output<typeof productiveHoursInput>, now = new Date()) {
  await checkDay(db, actor, day, now);
  if (hours === null) {
    await db.delete(energyDays).where(inScope(energyDays, actor, eq(energyDays.day, day)));
    return { day, hours: null };
  }
  await db
    .insert(energyDays)
    .values({ orgId: actor.orgId, userId: actor.userId, day, productiveHours: hours })
    .onConflictDoUpdate({ target: [energyDays.orgId, energyDays.userId, energyDays.day], set: { productiveHours: hours, updatedAt: new Date() } });
  return { day, hours };
}

/** Saves the answers to a week's review questions. */
export async function saveWeeklyReview(db: Db, actor: Actor, { weekStart, version, ...answers }: z.output<typeof weeklyReviewInput>) {
  return saveVersioned(db, weeklyReviews, {
    where: inScope(weeklyReviews, actor, eq(weeklyReviews.weekStart, weekStart)),
    version,
    set: { ...answers, updatedAt: new Date() },
    insert: { orgId: actor.orgId, userId: actor.userId, weekStart },
    what: "week's review",
  });
}
