import { fitOf, suggestLevel, type Fit, type LevelRef } from "./suggestion";

/**
 * A delegated task beside the active spectrum: the rules the delegation
 * review, the overview, the CSV export, Home and the prep page share.
 */

/** What the review reads of a task; the task row has more, and keeps it. */
export type ReviewableTask = {
  levelId: string;
  competency: number;
  criticality: number;
  status: "open" | "done";
  reviewDate: string | null;
};

export type Reviewed<T> = T & {
  level: LevelRef;
  suggested: LevelRef;
  reason: string;
  fit: Fit;
  reviewOverdue: boolean;
  targetTitle: string | null;
};

/**
 * A task's level, the suggested one and why, the fit, and whether its review
 * is overdue: an open task whose review day is before `today`, the user's day.
 * A level that is not on the spectrum shows as "?".
 */
export function review<T extends ReviewableTask>(task: T, targetTitle: string | null, levels: LevelRef[], today: string): Reviewed<T> {
  const level = levels.find((l) => l.id === task.levelId) ?? { id: task.levelId, label: "?", autonomy: 0 };
  const { level: suggested, reason } = suggestLevel(levels, task.competency, task.criticality);
  return {
    ...task,
    targetTitle,
    level,
    suggested,
    reason,
    fit: fitOf(level, suggested),
    reviewOverdue: task.status === "open" && task.reviewDate !== null && task.reviewDate < today,
  };
}

/** A review date that has come: on or before `today` (the prep page lists these). */
export function reviewDue(task: { reviewDate: string | null }, today: string): boolean {
  return task.reviewDate !== null && task.reviewDate <= today;
}

/**
 * The day a task got its current level, for the user: the day of its latest
 * level change (`levelSince`, read by the database), or the day it was made
 * when it has none (a task made before level changes were kept).
 */
export function levelSinceDay(levelSince: Date | null, createdAt: Date, dayOf: (instant: Date) => string): string {
  return dayOf(levelSince ?? createdAt);
}

/**
 * The average autonomy of a person's tasks by month, from their level
 * changes in time order: each task counts at its latest level as of the end
 * of each month with a change. Months are UTC calendar months of the change.
 */
export function monthlyAutonomy(
  changes: { taskId: string; at: Date; autonomy: number }[],
  /** The user's day of an instant (UserClock.dayOf), so a month is theirs, not UTC's. */
  dayOf: (instant: Date) => string = (instant) => instant.toISOString().slice(0, 10),
): { month: string; average: number }[] {
  const current = new Map<string, number>();
  const byMonth: { month: string; average: number }[] = [];
  for (const change of changes) {
    current.set(change.taskId, change.autonomy);
    const month = dayOf(change.at).slice(0, 7);
    const average = [...current.values()].reduce((a, b) => a + b, 0) / current.size;
    const last = byMonth.at(-1);
    if (last?.month === month) last.average = average;
    else byMonth.push({ month, average });
  }
  return byMonth;
}

/** What the ratings decide: hidden together, since the suggestion and the fit would give the ratings away. */
type RatingFields = "competency" | "criticality" | "suggested" | "reason" | "fit";

/** A reviewed task as one viewer sees it: without the ratings (and what follows from them) when they are hidden from them. */
export type SeenTask<T> = Omit<Reviewed<T>, RatingFields> & {
  competency: number | null;
  criticality: number | null;
  suggested: LevelRef | null;
  reason: string | null;
  fit: Fit | null;
  /** The competency and criticality are not shown to this viewer (the delegatee, unless the delegator shares them). */
  ratingsHidden: boolean;
  /** The viewer is the task's delegator: they edit it and hold its level. */
  canEdit: boolean;
};

/**
 * A task as `viewer` (a person id) sees it (DESIGN, "Organisations and who sees
 * what"): the delegator and the line above the delegatee see the ratings; the
 * delegatee sees them only when the delegator shares them.
 */
export function seenBy<T extends { personId: string; delegatorPersonId: string; ratingsShared: boolean }>(
  viewer: string,
  task: Reviewed<T>,
): SeenTask<T> {
  const canEdit = task.delegatorPersonId === viewer;
  const ratingsHidden = !canEdit && task.personId === viewer && !task.ratingsShared;
  if (!ratingsHidden) return { ...task, ratingsHidden, canEdit } as SeenTask<T>;
  return { ...task, competency: null, criticality: null, suggested: null, reason: null, fit: null, ratingsHidden, canEdit } as SeenTask<T>;
}
