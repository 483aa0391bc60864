/** Working days in a week, for the deep-work cap. */
export const WORK_DAYS = 5;

export const CAPACITY_DEFAULTS = { availableHours: 40, deepWorkCapPerDay: 4, bufferPercent: 20, oneOnOneMinutes: 30 } as const;

export type PlanInput = {
  availableHours: number;
  bufferPercent: number;
  deepWorkCapPerDay: number;
  items: { hours: number; deepWork: boolean }[];
};

/**
 * - `ok`: the allocation leaves the buffer whole.
 * - `into_buffer`: it eats into the buffer kept for the unexpected.
 * - `over`: it is more than the hours available.
 */
export type PlanState = "ok" | "into_buffer" | "over";

/** Allocated, buffer and free hours for one bar, and whether the plan keeps its buffer and deep-work cap. */
export function planWeek({ availableHours, bufferPercent, deepWorkCapPerDay, items }: PlanInput) {
  const allocated = items.reduce((sum, i) => sum + i.hours, 0);
  const buffer = (availableHours * bufferPercent) / 100;
  const plannable = availableHours - buffer;
  const bufferLeft = Math.max(0, Math.min(buffer, availableHours - allocated));
  const free = Math.max(0, plannable - allocated);
  const state: PlanState = allocated > availableHours ? "over" : allocated > plannable ? "into_buffer" : "ok";
  const deepWork = items.filter((i) => i.deepWork).reduce((sum, i) => sum + i.hours, 0);
  const deepWorkCap = deepWorkCapPerDay * WORK_DAYS;
  return {
    allocated,
    buffer,
    bufferLeft,
    plannable,
    free,
    state,
    /** Hours taken from the buffer (or beyond the week) by the allocation. */
    overPlannable: Math.max(0, allocated - plannable),
    deepWork,
    deepWorkCap,
    deepWorkOver: Math.max(0, deepWork - deepWorkCap),
  };
}

/** 1:1 hours a week from each person's cadence (in days between 1:1s) and a meeting length. */
export function oneOnOneHours(cadencesInDays: number[], minutes: number): number {
  return cadencesInDays.reduce((sum, days) => sum + (7 / days) * (minutes / 60), 0);
}

export type CapacitySettings = { availableHours: number; deepWorkCapPerDay: number; bufferPercent: number; oneOnOneMinutes: number };

/** The settings in force for a week: the latest saved ones (this week's or an earlier week's), else the defaults. */
export function settingsInForce(saved: CapacitySettings | undefined): CapacitySettings {
  if (!saved) return { ...CAPACITY_DEFAULTS };
  const { availableHours, deepWorkCapPerDay, bufferPercent, oneOnOneMinutes } = saved;
  return { availableHours, deepWorkCapPerDay, bufferPercent, oneOnOneMinutes };
}

/** The week's 1:1s with direct reports: how many people, and the hours they take, to a tenth. */
export function oneOnOneLoad(cadencesInDays: number[], minutes: number): { people: number; hours: number } {
  return { people: cadencesInDays.length, hours: Math.round(oneOnOneHours(cadencesInDays, minutes) * 10) / 10 };
}
