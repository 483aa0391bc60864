import { asc, between, eq, gte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { energyDays, energyEntries, weeklyReviews } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { slotAt } from "@/lib/energy/slots";
import { weekDays, weekStartOf } from "@/lib/energy/week";
import { weeklyStats, weeklyTrend } from "@/lib/energy/weekly";
import { addDays } from "@/lib/one-on-ones/days";
import type { weekInput } from "@/lib/validators/capacity";

/** Reads: a week of the energy log with its review and trend. Nothing here writes. */

/** Weeks shown in the trend, this one included. */
export const TREND_WEEKS = 8;

/**
 * A week of energy: the entries, productive hours, the review (three daily
 * points, energy by activity and by slot, productive hours against last
 * week) with the user's answers, and the trend over the last weeks. Four
 * queries at once, after the user's time zone (one more when the session
 * does not carry it).
 */
export async function energyWeek(db: Db, actor: Actor, input: z.output<typeof weekInput>, now = new Date()) {
  const clock = await userClock(db, actor, now);
  const weekStart = input.weekStart ?? weekStartOf(clock.today);
  const days = weekDays(weekStart);
  const firstTrendWeek = addDays(weekStart, -7 * (TREND_WEEKS - 1));
  const [entries, productive, [review], knownTags] = await Promise.all([
    db
      .select()
      .from(energyEntries)
      .where(inScope(energyEntries, actor, between(energyEntries.day, firstTrendWeek, days[6]!)))
      .orderBy(asc(energyEntries.day), asc(energyEntries.slot)),
    db
      .select({ day: energyDays.day, hours: energyDays.productiveHours })
      .from(energyDays)
      // Last week's days too: the review compares the productive hours with them.
      .where(inScope(energyDays, actor, between(energyDays.day, addDays(days[0]!, -7), days[6]!))),
    db
      .select()
      .from(weeklyReviews)
      .where(inScope(weeklyReviews, actor, eq(weeklyReviews.weekStart, weekStart))),
    db
      .selectDistinct({ tag: sql<string>`unnest(${energyEntries.tags})` })
      .from(energyEntries)
      .where(inScope(energyEntries, actor, gte(energyEntries.day, addDays(clock.today, -90)))),
  ]);
  const thisWeek = entries.filter((e) => e.day >= days[0]! && e.day <= days[6]!);
  return {
    weekStart,
    today: clock.today,
    timeZone: clock.timeZone,
    /** The slot when the week was read: what the page shows until the browser's clock takes over (use-slot-now.ts). */
    currentSlot: slotAt(now, clock.timeZone),
    entries: thisWeek,
    stats: weeklyStats(weekStart, thisWeek, productive, clock.today),
    trend: weeklyTrend(
      Array.from({ length: TREND_WEEKS }, (_, i) => addDays(firstTrendWeek, 7 * i)),
      entries,
    ),
    review: review ?? null,
    knownTags: knownTags.map((t) => t.tag).sort(),
  };
}
