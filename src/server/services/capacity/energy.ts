import { asc, between, eq, gte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { energyDays, energyEntries, weeklyReviews } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { userClock, type UserClock } from "../kernel/clock";
import { isUniqueViolation } from "../kernel/db-errors";
import { fieldError, notFound } from "../kernel/errors";
import { ownedBy } from "../kernel/scope";
import { saveVersioned } from "../kernel/versioned";
import { normaliseTags, SLOT_LABELS, slotAt } from "@/lib/energy/slots";
import { weekDays, weekStartOf } from "@/lib/energy/week";
import { weeklyStats, weeklyTrend } from "@/lib/energy/weekly";
import { addDays, daysBetween } from "@/lib/one-on-ones/days";
import { formatDay } from "@/lib/format";
import { logEnergyInput, productiveHoursInput, updateEnergyInput, weeklyReviewInput, weekInput } from "@/lib/validators/capacity";

/** Weeks shown in the trend, this one included. */
export const TREND_WEEKS = 8;
/** How far back a missed slot can still be filled in. */
const MAX_DAYS_BACK = 366;

/** A day to log for: the user's today or earlier (not the future, not more than a year back). */
function checkDay(day: string, clock: UserClock) {
  if (day > clock.today) throw fieldError("BAD_REQUEST", "day", "That day has not come yet: log energy for today or earlier.");
  if (daysBetween(day, clock.today) > MAX_DAYS_BACK) throw fieldError("BAD_REQUEST", "day", "That day is more than a year ago.");
}

/**
 * A week of energy: the entries, productive hours, the review (three daily
 * points, energy by activity) with the user's answers, and the trend over
 * the last weeks. Five queries.
 */
export async function energyWeek(db: Db, actor: Actor, raw: z.input<typeof weekInput>, now = new Date()) {
  const clock = await userClock(db, actor, now);
  const weekStart = weekInput.parse(raw ?? {}).weekStart ?? weekStartOf(clock.today);
  const days = weekDays(weekStart);
  const firstTrendWeek = addDays(weekStart, -7 * (TREND_WEEKS - 1));
  const [entries, productive, [review], knownTags] = await Promise.all([
    db
      .select()
      .from(energyEntries)
      .where(ownedBy(energyEntries, actor, between(energyEntries.day, firstTrendWeek, days[6]!)))
      .orderBy(asc(energyEntries.day), asc(energyEntries.slot)),
    db.select({ day: energyDays.day, hours: energyDays.productiveHours }).from(energyDays).where(ownedBy(energyDays, actor, between(energyDays.day, days[0]!, days[6]!))),
    db.select().from(weeklyReviews).where(ownedBy(weeklyReviews, actor, eq(weeklyReviews.weekStart, weekStart))),
    db
      .selectDistinct({ tag: sql<string>`unnest(${energyEntries.tags})` })
      .from(energyEntries)
      .where(ownedBy(energyEntries, actor, gte(energyEntries.day, addDays(clock.today, -90)))),
  ]);
  const thisWeek = entries.filter((e) => e.day >= days[0]! && e.day <= days[6]!);
  return {
    weekStart,
    today: clock.today,
    timeZone: clock.timeZone,
    currentSlot: slotAt(now, clock.timeZone),
    entries: thisWeek,
    stats: weeklyStats(weekStart, thisWeek, productive, clock.today),
    trend: weeklyTrend(Array.from({ length: TREND_WEEKS }, (_, i) => addDays(firstTrendWeek, 7 * i)), entries),
    review: review ?? null,
    knownTags: knownTags.map((t) => t.tag).sort(),
  };
}

/** Logs a slot of a day. A slot already logged is refused with a clear message: it is edited, not duplicated. */
export async function logEnergy(db: Db, actor: Actor, raw: z.input<typeof logEnergyInput>, now = new Date()) {
  const input = logEnergyInput.parse(raw);
  checkDay(input.day, await userClock(db, actor, now));
  try {
    const [row] = await db.insert(energyEntries).values({ ownerId: actor.userId, ...input, tags: normaliseTags(input.tags) }).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw fieldError("CONFLICT", "slot", `${SLOT_LABELS[input.slot]} of ${formatDay(input.day, "en-GB")} is already logged: edit that entry instead.`);
    }
    throw error;
  }
}

export async function updateEnergy(db: Db, actor: Actor, raw: z.input<typeof updateEnergyInput>) {
  const { id, ...input } = updateEnergyInput.parse(raw);
  const [row] = await db
    .update(energyEntries)
    .set({ ...input, tags: normaliseTags(input.tags), updatedAt: new Date() })
    .where(ownedBy(energyEntries, actor, eq(energyEntries.id, id)))
    .returning();
  if (!row) throw notFound("Energy entry");
  return row;
}

export async function deleteEnergy(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(energyEntries).where(ownedBy(energyEntries, actor, eq(energyEntries.id, id))).returning();
  if (!row) throw notFound("Energy entry");
  return row;
}

/** Sets a day's productive hours (null clears them). */
export async function setProductiveHours(db: Db, actor: Actor, raw: z.input<typeof productiveHoursInput>, now = new Date()) {
  const { day, hours } = productiveHoursInput.parse(raw);
  checkDay(day, await userClock(db, actor, now));
  if (hours === null) {
    await db.delete(energyDays).where(ownedBy(energyDays, actor, eq(energyDays.day, day)));
    return { day, hours: null };
  }
  await db
    .insert(energyDays)
    .values({ ownerId: actor.userId, day, productiveHours: hours })
    .onConflictDoUpdate({ target: [energyDays.ownerId, energyDays.day], set: { productiveHours: hours, updatedAt: new Date() } });
  return { day, hours };
}

/** Saves the answers to a week's review questions. */
export async function saveWeeklyReview(db: Db, actor: Actor, raw: z.input<typeof weeklyReviewInput>) {
  const { weekStart, version, ...answers } = weeklyReviewInput.parse(raw);
  return saveVersioned(db, weeklyReviews, {
    where: ownedBy(weeklyReviews, actor, eq(weeklyReviews.weekStart, weekStart)),
    version,
    set: { ...answers, updatedAt: new Date() },
    insert: { ownerId: actor.userId, weekStart },
    what: "week's review",
  });
}

