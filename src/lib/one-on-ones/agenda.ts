/**
 * What carries over from one 1:1 to the next: talking points not yet
 * discussed and action items not yet done. Both belong to the person, not to
 * a meeting, so "carried over" is a matter of dates: an open item created
 * before the last held 1:1 was on that 1:1 and survived it.
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

export type PointLike = { createdAt: Date; discussedInId: string | null; topic: Topic };

/** Open points in topic order, oldest first within a topic, each marked when it was carried over. */
export function agendaOf<P extends PointLike>(points: P[], lastHeldAt: Date | null): (P & { carriedOver: boolean })[] {
  return points
    .filter((p) => p.discussedInId === null)
    .map((p) => ({ ...p, carriedOver: lastHeldAt !== null && p.createdAt < lastHeldAt }))
    .sort((a, b) => TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic) || a.createdAt.getTime() - b.createdAt.getTime());
}

export type ActionLike = { assignee: "me" | "them"; dueDate: string | null; doneAt: Date | null; createdAt: Date };

export type OpenAction<A> = A & { overdue: boolean; carriedOver: boolean };

/** Open action items on both sides, overdue first, then by due date (undated last). */
export function openActions<A extends ActionLike>(items: A[], today: string, lastHeldAt: Date | null) {
  const open = items
    .filter((a) => a.doneAt === null)
    .map((a) => ({ ...a, overdue: a.dueDate !== null && a.dueDate < today, carriedOver: lastHeldAt !== null && a.createdAt < lastHeldAt }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") || a.createdAt.getTime() - b.createdAt.getTime());
  return { mine: open.filter((a) => a.assignee === "me"), theirs: open.filter((a) => a.assignee === "them") };
}
