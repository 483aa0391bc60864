/**
 * What carries over from one 1:1 to the next: talking points not yet
 * discussed and action items not yet done. Both belong to the person, not to
 * a meeting, so they stay on every agenda until closed; holding a 1:1 counts
 * each one still open as carried over once more.
 */

export const TOPICS = ["targets", "delegation", "growth", "feedback", "team", "wellbeing", "other"] as const;
export type Topic = (typeof TOPICS)[number];
export const TOPIC_LABELS: Record<Topic, string> = {
  targets: "Targets",
  delegation: "Delegation",
  growth: "Growth",
  feedback: "Feedback",
  team: "Team",
  wellbeing: "Wellbeing",
  other: "Other",
};

export type PointLike = { id: string; createdAt: Date; discussedInId: string | null; topic: Topic };
export type ActionLike = {
  id: string;
  assignee: "me" | "them";
  dueDate: string | null;
  doneAt: Date | null;
  createdAt: Date;
  oneOnOneId: string | null;
};

/**
 * What holding a 1:1 carries over: every point not discussed (in it or
 * before), and every action still open, except those made in this very 1:1
 * (an action agreed today is new on the next agenda, not carried).
 */
export function toCarryOver(points: PointLike[], actions: ActionLike[], meetingId: string) {
  return {
    pointIds: points.filter((p) => p.discussedInId === null).map((p) => p.id),
    actionIds: actions.filter((a) => a.doneAt === null && a.oneOnOneId !== meetingId).map((a) => a.id),
  };
}

/** Open points in topic order, oldest first within a topic. */
export function agendaOf<P extends PointLike>(points: P[]): P[] {
  return points
    .filter((p) => p.discussedInId === null)
    .sort((a, b) => TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic) || a.createdAt.getTime() - b.createdAt.getTime());
}

export type OpenAction<A> = A & { overdue: boolean };

/** Open action items on both sides, overdue first, then by due date (undated last). */
export function openActions<A extends ActionLike>(items: A[], today: string) {
  const open = items
    .filter((a) => a.doneAt === null)
    .map((a) => ({ ...a, overdue: a.dueDate !== null && a.dueDate < today }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
  return { mine: open.filter((a) => a.assignee === "me"), theirs: open.filter((a) => a.assignee === "them") };
}
