import { and, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { capacityItems, capacityWeeks, energyEntries, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { oneOnOneLoad, planWeek, settingsInForce } from "@/lib/capacity/plan";
import { energyOfWeek } from "@/lib/energy/weekly";
import { weekDays, weekStartOf } from "@/lib/energy/week";
import { cadenceInDays } from "@/lib/people/ladder";
import type { weekInput } from "@/lib/validators/capacity";

/** Reads: a week's capacity plan (Home shows its bar too). Nothing here writes. */

/** Items that count in a week: its one-offs, and recurring items running through it. */
function inWeek(weekStart: string) {
  return or(
    and(eq(capacityItems.recurring, false), eq(capacityItems.weekStart, weekStart)),
    and(
      eq(capacityItems.recurring, true),
      lte(capacityItems.weekStart, weekStart),
      or(isNull(capacityItems.lastWeek), gte(capacityItems.lastWeek, weekStart)),
    ),
  );
}

/**
 * A week's capacity plan: settings (this week's, else the latest earlier
 * week's, else the defaults), the allocated work with 1:1s derived from the
 * direct reports' cadences, the bar's figures and warnings, and the week's
 * energy beside it. Five queries.
 */
export async function capacityPlan(db: Db, actor: Actor, input: z.output<typeof weekInput>, now = new Date()) {
  const clock = await userClock(db, actor, now);
  const weekStart = input.weekStart ?? weekStartOf(clock.today);
  const days = weekDays(weekStart);
  const [[saved], items, reports, energy] = await Promise.all([
    db
      .select()
      .from(capacityWeeks)
      .where(inScope(capacityWeeks, actor, lte(capacityWeeks.weekStart, weekStart)))
      .orderBy(desc(capacityWeeks.weekStart))
      .limit(1),
    db
      .select()
      .from(capacityItems)
      .where(inScope(capacityItems, actor, inWeek(weekStart)))
      .orderBy(capacityItems.createdAt),
    db
      .select({ cadence: people.cadence, cadenceDays: people.cadenceDays })
      .from(people)
      // The actor's direct reports: their 1:1s are the actor's hours (in an organisation, "reports to me" is manager_id = my person).
      .where(inScope(people, actor, eq(people.managerId, actor.personId), isNull(people.archivedAt))),
    db
      .select({ day: energyEntries.day, level: energyEntries.level })
      .from(energyEntries)
      .where(inScope(energyEntries, actor, gte(energyEntries.day, days[0]!), lte(energyEntries.day, days[6]!))),
  ]);
  const settings = settingsInForce(saved);
  const oneOnOnes = oneOnOneLoad(
    // A report with no set cadence ("none") takes no regular 1:1 hours.
    reports.flatMap((r) => cadenceInDays(r.cadence, r.cadenceDays) ?? []),
    settings.oneOnOneMinutes,
  );
  const plan = planWeek({ ...settings, items: [...items, { hours: oneOnOnes.hours, deepWork: false }] });
  return {
    weekStart,
    today: clock.today,
    settings,
    settingsFrom: saved?.weekStart ?? null,
    /** What the settings form sends back: this week's own settings' version, or 0 while it has none. */
    settingsVersion: saved?.weekStart === weekStart ? saved.version : 0,
    items,
    oneOnOnes,
    plan,
    energy: energyOfWeek(days, energy),
  };
}
