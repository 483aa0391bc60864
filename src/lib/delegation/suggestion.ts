/**
 * The delegation level a task's competency match suggests.
 *
 * The rule: the target autonomy is 0.5 + (competency − criticality) / 8,
 * clamped to 0..1, with competency and criticality from 1 to 5. A person at
 * competency 5 on a criticality-1 task gets 1 (fully theirs); competency 1 on
 * a criticality-5 task gets 0 (you tell). More competency never lowers it,
 * more criticality never raises it. The suggested level is the spectrum's
 * level nearest that autonomy (the lower one on a tie: when in doubt, stay
 * closer).
 */
export type LevelRef = { id: string; label: string; autonomy: number };

export function targetAutonomy(competency: number, criticality: number): number {
  return Math.min(1, Math.max(0, 0.5 + (competency - criticality) / 8));
}

/** The level of `levels` nearest an autonomy (ties go to the lower). Levels need not be sorted. */
export function nearestLevel<T extends { autonomy: number }>(levels: T[], autonomy: number): T {
  if (levels.length === 0) throw new Error("A spectrum has at least one level.");
  return levels.reduce((best, level) => {
    const d = Math.abs(level.autonomy - autonomy);
    const bestD = Math.abs(best.autonomy - autonomy);
    return d < bestD - 1e-9 || (Math.abs(d - bestD) <= 1e-9 && level.autonomy < best.autonomy) ? level : best;
  });
}

export function suggestLevel<T extends LevelRef>(levels: T[], competency: number, criticality: number): { level: T; reason: string } {
  const level = nearestLevel(levels, targetAutonomy(competency, criticality));
  // The reason names the ratings, not the level: it is shown beside the level ("Suggested: Advise — competency 4 of 5 …").
  return { level, reason: `competency ${competency} of 5 on a criticality-${criticality} task` };
}

/** How a task's current level compares with the suggestion. */
export type Fit = "tighter" | "matches" | "looser";

export function fitOf(current: { autonomy: number }, suggested: { autonomy: number }): Fit {
  if (current.autonomy < suggested.autonomy - 1e-9) return "tighter";
  if (current.autonomy > suggested.autonomy + 1e-9) return "looser";
  return "matches";
}

/** Maps each level of one spectrum to the nearest level of another, by autonomy. */
export function mapLevels<F extends { id: string; autonomy: number }, T extends { autonomy: number }>(from: F[], to: T[]): Map<string, T> {
  return new Map(from.map((level) => [level.id, nearestLevel(to, level.autonomy)]));
}

/** Competency and criticality are scored from 1 to 5 (see validators/delegation.ts). */
const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * Every (competency, criticality, level) whose level is tighter than the
 * suggestion, as "competency:criticality:levelId" keys. Lets a query keep
 * only the tasks held tighter than suggested while the rule itself stays
 * here, in one place.
 */
export function tighterCombinations(levels: LevelRef[]): string[] {
  const keys: string[] = [];
  for (const competency of SCORES) {
    for (const criticality of SCORES) {
      const suggested = suggestLevel(levels, competency, criticality).level;
      for (const level of levels) if (fitOf(level, suggested) === "tighter") keys.push(`${competency}:${criticality}:${level.id}`);
    }
  }
  return keys;
}
