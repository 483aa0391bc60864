import { SLOTS, type Slot } from "./slots";
import type { EnergyEntry, TagEnergy } from "./weekly";

/**
 * Suggested answers to the weekly review's questions, from what the week's log
 * already shows. They are offered, never written for the user: the form shows
 * them beside the questions and fills a field only when asked to.
 */

export type SlotEnergy = { slot: Slot; average: number | null; entries: number };

/** The middle of the 1–10 scale: an activity averaging below it drained, above it energised. */
const MIDDLE = 5.5;
/** How many activities a suggestion names, at most. */
const NAMED = 3;

const SLOT_PHRASES: Record<Slot, string> = { start: "at the start of the day", middle: "at midday", end: "at the end of the day" };

const one = (n: number) => n.toFixed(1);
/** Hours as typed (4.5, 31), never 31.0 nor 4.4999. */
const hours = (n: number) => `${Math.round(n * 10) / 10} h`;

/** Each slot's average energy over the week (null where nothing was logged), in slot order. */
export function energyBySlot(entries: Pick<EnergyEntry, "slot" | "level">[]): SlotEnergy[] {
  return SLOTS.map((slot) => {
    const levels = entries.filter((e) => e.slot === slot).map((e) => e.level);
    return { slot, average: levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : null, entries: levels.length };
  });
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const named = (tags: TagEnergy[]) => list(tags.map((t, i) => `${t.tag} (${i === 0 ? "avg " : ""}${one(t.average)})`));

/** The activities that drained most (below the scale's middle), most draining first. `tags` come most draining first. */
export function drainsSuggestion(tags: TagEnergy[]): string | null {
  const drains = tags.filter((t) => t.average < MIDDLE).slice(0, NAMED);
  return drains.length ? `Drained most by ${named(drains)}.` : null;
}

/** The activities that energised most (above the scale's middle), most energising first. */
export function restoresSuggestion(tags: TagEnergy[]): string | null {
  const restores = tags
    .filter((t) => t.average > MIDDLE)
    .reverse()
    .slice(0, NAMED);
  return restores.length ? `Energised most by ${named(restores)}.` : null;
}

/**
 * Productive hours against last week. `thisWeek`/`lastWeek` are null when no
 * day of that week has hours logged (which is not the same as 0 h).
 */
export function hoursSuggestion(thisWeek: number | null, lastWeek: number | null): string | null {
  if (thisWeek === null) return null;
  if (lastWeek === null) return `${hours(thisWeek)} productive; none logged last week.`;
  const diff = Math.round((thisWeek - lastWeek) * 10) / 10;
  if (diff === 0) return `${hours(thisWeek)} productive, the same as last week.`;
  return `${hours(thisWeek)} productive, ${hours(Math.abs(diff))} ${diff > 0 ? "more" : "fewer"} than last week.`;
}

/**
 * The slot of the day with the lowest average energy. Only when at least two
 * slots were logged: with one, "lowest" would say nothing. A tie names the
 * earlier slot.
 */
export function lowestSlotSuggestion(slots: SlotEnergy[]): string | null {
  const logged = slots.filter((s): s is SlotEnergy & { average: number } => s.average !== null);
  if (logged.length < 2) return null;
  const lowest = logged.reduce((low, s) => (s.average < low.average ? s : low));
  return `Lowest energy ${SLOT_PHRASES[lowest.slot]} (avg ${one(lowest.average)}).`;
}

export type ReviewSuggestions = { drains: string | null; restores: string | null; change: string | null };

/**
 * A suggestion per question: drains and energisers for the first two; for
 * "what can you do next week", the hours against last week and the weakest
 * slot of the day, the two facts a plan for next week starts from.
 */
export function reviewSuggestions(week: {
  tags: TagEnergy[];
  slots: SlotEnergy[];
  productiveHours: number | null;
  lastWeekProductiveHours: number | null;
}): ReviewSuggestions {
  const change = [hoursSuggestion(week.productiveHours, week.lastWeekProductiveHours), lowestSlotSuggestion(week.slots)].filter(Boolean);
  return {
    drains: drainsSuggestion(week.tags),
    restores: restoresSuggestion(week.tags),
    change: change.length ? change.join(" ") : null,
  };
}
