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

/**
 * Who added a point, in the reader's words. `authorPersonId` is null on points
 * added before the agenda was shared: those were the manager's (`manager`).
 */
export type PointAuthor = { id: string; name: string; you: boolean; label: string };
export function pointAuthor(
  point: { authorPersonId: string | null },
  authorName: string | null,
  viewerId: string,
  manager: { id: string; name: string } | null,
): PointAuthor | null {
  const id = point.authorPersonId ?? manager?.id ?? null;
  const name = point.authorPersonId ? authorName : (manager?.name ?? null);
  if (!id || !name) return null;
  const you = id === viewerId;
  return { id, name, you, label: you ? "You" : (name.split(" ")[0] ?? name) };
}

/**
 * Open points one side added since the last held 1:1 (all of theirs, before
 * the first): `by` is the author's person id, or `{ not }` for everyone but
 * that person (a point without an author counts as the manager's).
 */
export function addedSince<P extends { authorPersonId: string | null; createdAt: Date; discussedInId: string | null }>(
  points: P[],
  by: string | { not: string },
  since: Date | null,
): P[] {
  return points.filter(
    (p) =>
      p.discussedInId === null &&
      (typeof by === "string" ? p.authorPersonId === by : p.authorPersonId !== by.not) &&
      (since === null || p.createdAt > since),
  );
}

/**
 * What the reader may do with a point or an action, mirroring policy.ts for
 * the page: the manager changes every point and ticks every action; the report
 * changes the points they added and ticks the actions assigned to them
 * ("them"); an old manager reads.
 */
export function mayChangePoint(viewer: "manager" | "former" | "report", point: { authorPersonId: string | null }, viewerId: string) {
  return viewer === "manager" || (viewer === "report" && point.authorPersonId === viewerId);
}
export function mayTickAction(viewer: "manager" | "former" | "report", action: { assignee: "me" | "them" }) {
  return viewer === "manager" || (viewer === "report" && action.assignee === "them");
}
