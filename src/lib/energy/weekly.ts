import { addDays } from "@/lib/one-on-ones/days";
import { SLOTS, type Slot } from "./slots";
import { energyBySlot } from "./suggestions";
import { weekDays } from "./week";

export type EnergyEntry = { day: string; slot: Slot; level: number; tags: string[] };

export type DayEnergy = Record<Slot, number | null> & { day: string; average: number | null; productiveHours: number | null };

export type TagEnergy = { tag: string; average: number; entries: number };

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/**
 * Average energy per activity tag, most draining first (lowest average), with
 * how many entries each rests on; ties go to the tag with more entries.
 */
export function energyByTag(entries: EnergyEntry[]): TagEnergy[] {
  const byTag = new Map<string, number[]>();
  for (const e of entries) for (const tag of new Set(e.tags)) byTag.set(tag, [...(byTag.get(tag) ?? []), e.level]);
  return [...byTag]
    .map(([tag, levels]) => ({ tag, average: mean(levels)!, entries: levels.length }))
    .sort((a, b) => a.average - b.average || b.entries - a.entries || a.tag.localeCompare(b.tag));
}

/**
 * A week's review: each day's three readings and productive hours, the
 * week's average, energy by activity and by slot, and last week's productive
 * hours to compare with (`productive` may hold the week before's days too).
 * Missing slots are null and count as missing only for days up to today.
 * Hours are null for a week with no day's hours logged, which is not 0 h.
 */
export function weeklyStats(weekStart: string, entries: EnergyEntry[], productive: { day: string; hours: number }[], today: string) {
  const days: DayEnergy[] = weekDays(weekStart).map((day) => {
    const mine = entries.filter((e) => e.day === day);
    const level = (slot: Slot) => mine.find((e) => e.slot === slot)?.level ?? null;
    return {
      day,
      start: level("start"),
      middle: level("middle"),
      end: level("end"),
      average: mean(mine.map((e) => e.level)),
      productiveHours: productive.find((p) => p.day === day)?.hours ?? null,
    };
  });
  const inWeek = entries.filter((e) => days.some((d) => d.day === e.day));
  const pastDays = days.filter((d) => d.day <= today);
  const hours = days.map((d) => d.productiveHours).filter((h): h is number => h !== null);
  const lastWeek = new Set(weekDays(addDays(weekStart, -7)));
  const lastWeekHours = productive.filter((p) => lastWeek.has(p.day)).map((p) => p.hours);
  const sum = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) : null);
  return {
    weekStart,
    days,
    average: mean(inWeek.map((e) => e.level)),
    logged: inWeek.length,
    missing: pastDays.reduce((n, d) => n + SLOTS.filter((s) => d[s] === null).length, 0),
    productiveHours: sum(hours),
    lastWeekProductiveHours: sum(lastWeekHours),
    tags: energyByTag(inWeek),
    slots: energyBySlot(inWeek),
  };
}

/** The trend across weeks: each week's average energy (null with no entries), oldest first. */
export function weeklyTrend(weekStarts: string[], entries: EnergyEntry[]) {
  return weekStarts.map((weekStart) => {
    const days = new Set(weekDays(weekStart));
    const levels = entries.filter((e) => days.has(e.day)).map((e) => e.level);
    return { weekStart, average: mean(levels), entries: levels.length };
  });
}

/** Where a level sits, in words (shown beside the number, never colour alone). */
export function energyWord(level: number): string {
  return level <= 3 ? "drained" : level <= 5 ? "low" : level <= 7 ? "steady" : "energised";
}

/**
 * The week's energy beside the capacity plan: the average of every reading
 * in the week, how many there are, and each day's average (null for a day
 * with none).
 */
export function energyOfWeek(days: string[], readings: { day: string; level: number }[]) {
  return {
    average: mean(readings.map((e) => e.level)),
    entries: readings.length,
    days: days.map((day) => ({ day, average: mean(readings.filter((e) => e.day === day).map((e) => e.level)) })),
  };
}
