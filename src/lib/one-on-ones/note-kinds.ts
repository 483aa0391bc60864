// The kinds of a 1:1 note and their labels, apart from the schemas in
// src/lib/validators/one-on-ones.ts (which re-exports them): client code that
// shows a label does not load zod with them.

export const NOTE_KINDS = ["coaching", "praise", "constructive", "observation"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  coaching: "Coaching",
  praise: "Praise",
  constructive: "Constructive feedback",
  observation: "Observation",
};

/** The 1:1 notes search: at least this many characters after trimming, at most SEARCH_MAX. */
export const SEARCH_MIN = 2;
export const SEARCH_MAX = 200;
