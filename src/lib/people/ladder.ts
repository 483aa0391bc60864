/** The two career tracks and their ladders, lowest level first. */
export const TRACKS = ["manager", "ic"] as const;
export type Track = (typeof TRACKS)[number];

export const TRACK_LABELS: Record<Track, string> = { manager: "Manager", ic: "Individual contributor" };
export const TRACK_SHORT: Record<Track, string> = { manager: "Manager", ic: "IC" };

export const LEVELS = {
  manager: ["em", "senior_em", "director", "senior_director", "vp"],
  ic: ["senior", "staff", "senior_staff", "principal", "distinguished"],
} as const satisfies Record<Track, readonly string[]>;

export type ManagerLevel = (typeof LEVELS.manager)[number];
export type IcLevel = (typeof LEVELS.ic)[number];
export type Level = ManagerLevel | IcLevel;

export const ALL_LEVELS: Level[] = [...LEVELS.manager, ...LEVELS.ic];

export const DEFAULT_LEVEL_LABELS: Record<Level, string> = {
  em: "Engineering Manager",
  senior_em: "Senior Engineering Manager",
  director: "Director",
  senior_director: "Senior Director",
  vp: "VP",
  senior: "Senior Engineer",
  staff: "Staff Engineer",
  senior_staff: "Senior Staff Engineer",
  principal: "Principal Engineer",
  distinguished: "Distinguished Engineer",
};

/** An account's own names for the levels: only the ones it renamed are stored. */
export type LadderLabels = Partial<Record<Level, string>>;

export function levelLabel(level: string, custom?: LadderLabels | null): string {
  return custom?.[level as Level] ?? DEFAULT_LEVEL_LABELS[level as Level] ?? level;
}

export function isLevelOfTrack(track: Track, level: string): level is Level {
  return (LEVELS[track] as readonly string[]).includes(level);
}

/** Position of a level on its ladder (0 = lowest); used to sort by seniority. */
export function levelRank(level: string): number {
  const m = (LEVELS.manager as readonly string[]).indexOf(level);
  if (m >= 0) return m;
  return (LEVELS.ic as readonly string[]).indexOf(level);
}

/**
 * Finds the level a free-text value names on a track: its key ("senior_em"),
 * its default label or the account's label, in any case and spacing.
 */
export function parseLevel(track: Track, value: string, custom?: LadderLabels | null): Level | null {
  const wanted = normalise(value);
  // The account's own names win: a renamed level may reuse another level's default name.
  for (const level of LEVELS[track]) {
    const own = custom?.[level];
    if (own && normalise(own) === wanted) return level;
  }
  for (const level of LEVELS[track]) {
    const names = [level, DEFAULT_LEVEL_LABELS[level], custom?.[level]].filter(Boolean) as string[];
    if (names.some((n) => normalise(n) === wanted)) return level;
  }
  return null;
}

export function parseTrack(value: string): Track | null {
  const v = normalise(value);
  if (["manager", "management", "m", "mgr"].includes(v)) return "manager";
  if (["ic", "individual contributor", "individualcontributor", "engineer"].includes(v)) return "ic";
  return null;
}

function normalise(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[_\-\s]+/g, " ");
}

/**
 * 1:1 cadences. "days" means every N days (cadenceDays); "none": no regular 1:1
 * (never due; the default for people further down, whose own manager sets it).
 */
export const CADENCES = ["weekly", "fortnightly", "monthly", "days", "none"] as const;
export type Cadence = (typeof CADENCES)[number];

/**
 * The cadence a new person starts with: fortnightly when they report to whoever adds them
 * (their 1:1s are that person's), none when they report to someone else (further down:
 * their own manager sets it, and nobody's 1:1 list fills with people they do not meet).
 */
export function defaultCadence(reportsToActor: boolean): Cadence {
  return reportsToActor ? "fortnightly" : "none";
}

/** Days between 1:1s; null for "none" (no regular 1:1). */
export function cadenceInDays(cadence: Cadence, days?: number | null): number | null {
  switch (cadence) {
    case "none":
      return null;
    case "weekly":
      return 7;
    case "fortnightly":
      return 14;
    case "monthly":
      return 30;
    case "days":
      return days ?? 14;
  }
}

export function cadenceLabel(cadence: Cadence, days?: number | null): string {
  if (cadence === "days") return `Every ${days ?? "?"} days`;
  if (cadence === "none") return "No set cadence";
  return cadence[0]!.toUpperCase() + cadence.slice(1);
}

/** Every level's name: the account's own where it renamed one, the default elsewhere. */
export function ladderNames(custom: LadderLabels): Record<Level, string> {
  return Object.fromEntries(ALL_LEVELS.map((l) => [l, custom[l] ?? DEFAULT_LEVEL_LABELS[l]])) as Record<Level, string>;
}

/** The names to store from a full set: only those that differ from the defaults, so a later default rename still shows. */
export function renamedLevels(names: Record<Level, string>): LadderLabels {
  const custom: LadderLabels = {};
  for (const level of ALL_LEVELS) {
    if (names[level] !== DEFAULT_LEVEL_LABELS[level]) custom[level] = names[level];
  }
  return custom;
}
