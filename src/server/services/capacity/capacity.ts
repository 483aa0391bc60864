import { and, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { capacityItems, capacityWeeks, energyEntries, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { userClock } from "../kernel/clock";
import { notFound } from "../kernel/errors";
import { ownedBy } from "../kernel/scope";
import { saveVersioned } from "../kernel/versioned";
import { CAPACITY_DEFAULTS, oneOnOneHours, planWeek } from "@/lib/capacity/plan";
import { weekDays, weekStartOf } from "@/lib/energy/week";
import { addDays } from "@/lib/one-on-ones/days";
import { cadenceInDays } from "@/lib/people/ladder";
import { addCapacityItemInput, capacitySettingsInput, removeCapacityItemInput, updateCapacityItemInput, weekInput } from "@/lib/validators/capacity";

/** Items that count in a week: its one-offs, and recurring items running through it. */
function inWeek(weekStart: string) {
  return or(
    and(eq(capacityItems.recurring, false), eq(capacityItems.weekStart, weekStart)),
    and(eq(capacityItems.recurring, true), lte(capacityItems.weekStart, weekStart), or(isNull(capacityItems.lastWeek), gte(capacityItems.lastWeek, weekStart))),
  );
}

/**
 * A week's capacity plan: settings (this week's, else the latest earlier
 * week's, else the defaults), the allocated work with 1:1s derived from the
 * direct reports' cadences, the bar's figures and warnings, and the week's
 * energy beside it. Five queries.
 */
export async function capacityPlan(db: Db, actor: Actor, raw: z.input<typeof weekInput>, now = new Date()) {
  const clock = await userClock(db, actor, now);
  const weekStart = weekInput.parse(raw ?? {}).weekStart ?? weekStartOf(clock.today);
  const days = weekDays(weekStart);
  const [[saved], items, reports, energy] = await Promise.all([
    db.select().from(capacityWeeks).where(ownedBy(capacityWeeks, actor, lte(capacityWeeks.weekStart, weekStart))).orderBy(desc(capacityWeeks.weekStart)).limit(1),
    db.select().from(capacityItems).where(ownedBy(capacityItems, actor, inWeek(weekStart))).orderBy(capacityItems.createdAt),
    db.select({ cadence: people.cadence, cadenceDays: people.cadenceDays }).from(people).where(ownedBy(people, actor, isNull(people.managerId), isNull(people.archivedAt))),
    db.select({ day: energyEntries.day, level: energyEntries.level }).from(energyEntries).where(ownedBy(energyEntries, actor, gte(energyEntries.day, days[0]!), lte(energyEntries.day, days[6]!))),
  ]);
  const settings = saved
    ? { availableHours: saved.availableHours, deepWorkCapPerDay: saved.deepWorkCapPerDay, bufferPercent: saved.bufferPercent, oneOnOneMinutes: saved.oneOnOneMinutes }
    : { ...CAPACITY_DEFAULTS };
  const oneOnOnes = {
    people: reports.length,
    hours: Math.round(oneOnOneHours(reports.map((r) => cadenceInDays(r.cadence, r.cadenceDays)), settings.oneOnOneMinutes) * 10) / 10,
  };
  const plan = planWeek({ ...settings, items: [...items, { hours: oneOnOnes.hours, deepWork: false }] });
  const levels = energy.map((e) => e.level);
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
    energy: {
      average: levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : null,
      entries: levels.length,
      days: days.map((day) => {
        const mine = energy.filter((e) => e.day === day).map((e) => e.level);
        return { day, average: mine.length ? mine.reduce((a, b) => a + b, 0) / mine.length : null };
      }),
    },
  };
}

export async function saveCapacitySettings(db: Db, actor: Actor, raw: z.input<typeof capacitySettingsInput>) {
  const { weekStart, version, ...settings } = capacitySettingsInput.parse(raw);
  return saveVersioned(db, capacityWeeks, {
    where: ownedBy(capacityWeeks, actor, eq(capacityWeeks.weekStart, weekStart)),
    version,
    set: { ...settings, updatedAt: new Date() },
    insert: { ownerId: actor.userId, weekStart },
    what: "week's capacity",
  });
}

export async function addCapacityItem(db: Db, actor: Actor, raw: z.input<typeof addCapacityItemInput>) {
  const input = addCapacityItemInput.parse(raw);
  const [row] = await db.insert(capacityItems).values({ ownerId: actor.userId, ...input }).returning();
  return row!;
}

export async function updateCapacityItem(db: Db, actor: Actor, raw: z.input<typeof updateCapacityItemInput>) {
  const { id, version, ...input } = updateCapacityItemInput.parse(raw);
  return saveVersioned(db, capacityItems, { where: ownedBy(capacityItems, actor, eq(capacityItems.id, id)), version, set: input, what: "planned item" });
}

/**
 * Takes an item off a week's plan. A one-off (or a recurring item that
 * starts this week) is deleted; a recurring one that started earlier ends
 * the week before, so past weeks keep it.
 */
export async function removeCapacityItem(db: Db, actor: Actor, raw: z.input<typeof removeCapacityItemInput>) {
  const { id, weekStart } = removeCapacityItemInput.parse(raw);
  const [item] = await db.select().from(capacityItems).where(ownedBy(capacityItems, actor, eq(capacityItems.id, id)));
  if (!item) throw notFound("Planned item");
  if (!item.recurring || item.weekStart >= weekStart) {
    await db.delete(capacityItems).where(ownedBy(capacityItems, actor, eq(capacityItems.id, id)));
    return { ...item, removed: "deleted" as const };
  }
  const [row] = await db.update(capacityItems).set({ lastWeek: addDays(weekStart, -7) }).where(ownedBy(capacityItems, actor, eq(capacityItems.id, id))).returning();
  return { ...row!, removed: "ended" as const };
}
