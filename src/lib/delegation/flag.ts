import { fitOf } from "./suggestion";

/**
 * How a task's level sits beside the suggestion, as a director reads it: in
 * words, with a tone that does not cry wolf. Above the suggestion with a
 * recorded reason is a decision, shown neutrally with that reason; above it
 * without one is a calm amber note; below it is "held tighter".
 */
export type DelegationFlag = {
  kind: "matches" | "tighter" | "beyond" | "beyond-on-purpose";
  words: string;
  tone: "success" | "warning" | "neutral";
};

/** The reason the app writes when a task is made: the level it starts at is not yet a decision with a why. */
export const TASK_CREATED_REASON = "Task created";

/** The reason the app writes when switching spectrums remaps every task's level. */
export function spectrumSwitchedReason(spectrumName: string): string {
  return `Spectrum switched to ${spectrumName}`;
}

/** A reason someone gave for a level, not one the app wrote for them (blank counts as none). */
export function givenReason(reason: string | null | undefined): string | null {
  const text = reason?.trim();
  if (!text || text === TASK_CREATED_REASON || text.startsWith(spectrumSwitchedReason(""))) return null;
  return text;
}

/**
 * The flag of a level beside the suggested one; `reason` is the reason of the
 * change that set the current level (the latest level change), if any.
 */
export function delegationFlag(
  level: { autonomy: number },
  suggested: { autonomy: number },
  reason: string | null | undefined,
): DelegationFlag {
  const fit = fitOf(level, suggested);
  if (fit === "matches") return { kind: "matches", words: "Matches the suggestion", tone: "success" };
  if (fit === "tighter") return { kind: "tighter", words: "Held tighter than suggested", tone: "warning" };
  const why = givenReason(reason);
  return why
    ? { kind: "beyond-on-purpose", words: `Delegated beyond the suggestion — ${why}`, tone: "neutral" }
    : { kind: "beyond", words: "Delegated beyond the suggestion", tone: "warning" };
}
