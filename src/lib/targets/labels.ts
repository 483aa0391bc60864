// The kinds, statuses and directions of a target and their labels, apart from the
// schemas in src/lib/validators/targets.ts (which re-exports them) so that client
// components showing a label do not load zod with them.

export const TARGET_KINDS = ["feature", "reliability", "speed", "other"] as const;
export const TARGET_STATUSES = ["draft", "active", "achieved", "missed", "dropped"] as const;
export const DIRECTIONS = ["higher", "lower", "band"] as const;

export const TARGET_KIND_LABELS: Record<(typeof TARGET_KINDS)[number], string> = {
  feature: "Feature",
  reliability: "Reliability",
  speed: "Speed",
  other: "Other",
};
export const TARGET_STATUS_LABELS: Record<(typeof TARGET_STATUSES)[number], string> = {
  draft: "Draft",
  active: "Active",
  achieved: "Achieved",
  missed: "Missed",
  dropped: "Dropped",
};
export const DIRECTION_LABELS: Record<(typeof DIRECTIONS)[number], string> = {
  higher: "Higher is better",
  lower: "Lower is better",
  band: "Stay within a band",
};

/** A comment on a target: a short note, a few lines at most. */
export const MAX_COMMENT_LENGTH = 2_000;
/** A weekly status: a sentence or two. */
export const MAX_STATUS_LENGTH = 280;
