import { formatDay } from "@/lib/format";
import { HEALTH_LABELS, type Health } from "@/lib/targets/status";
import type { Topic } from "./agenda";
import { daysBetween } from "./days";

/** A task held tighter than its suggestion for this long is worth raising. */
export const TIGHT_FOR_DAYS = 60;
/** A growth goal with no note for this long is worth a check-in. */
export const GOAL_QUIET_DAYS = 30;

export type Suggestion = { topic: Topic; body: string; why: string };

export type SuggestionInput = {
  today: string;
  targets: { title: string; health: { then: Health | null; now: Health | null; direction: "worse" | "better" | "same" } }[];
  tasks: {
    title: string;
    level: string;
    suggested: string;
    fit: "tighter" | "matches" | "looser";
    levelSinceDay: string;
    reviewDate: string | null;
  }[];
  actions: { title: string; assignee: "me" | "them"; dueDate: string | null; overdue: boolean }[];
  goals: { title: string; status: string; lastNoteDay: string | null }[];
  /** Bodies already on the agenda: a suggestion taken is not suggested again. */
  agenda: string[];
};

/**
 * Talking points the prep page proposes, derived from what changed: a target
 * that turned worse or is off track, a task held tighter than suggested for a
 * long time or past its review date, an overdue action, a quiet growth goal.
 */
export function suggestTalkingPoints(input: SuggestionInput): Suggestion[] {
  const out: Suggestion[] = [];
  for (const t of input.targets) {
    const { then, now, direction } = t.health;
    if (now && (now === "at_risk" || now === "off_track") && direction === "worse") {
      out.push({
        topic: "targets",
        body: `${t.title}: what changed, and what would bring it back on track?`,
        why: `Turned ${HEALTH_LABELS[now].toLowerCase()} since the last 1:1 (was ${then ? HEALTH_LABELS[then].toLowerCase() : "unknown"}).`,
      });
    } else if (now === "off_track") {
      out.push({
        topic: "targets",
        body: `${t.title}: is the goal still right, or does the plan need to change?`,
        why: "Off track, as at the last 1:1.",
      });
    }
  }
  for (const t of input.tasks) {
    const days = daysBetween(t.levelSinceDay, input.today);
    if (t.fit === "tighter" && days >= TIGHT_FOR_DAYS) {
      out.push({
        topic: "delegation",
        body: `Hand over more of "${t.title}"? (${t.level} → ${t.suggested})`,
        why: `Held at ${t.level} for ${days} days, tighter than the suggested ${t.suggested}.`,
      });
    } else if (t.reviewDate && t.reviewDate <= input.today) {
      out.push({
        topic: "delegation",
        body: `Review the delegation level of "${t.title}"`,
        why: `Its review date (${formatDay(t.reviewDate)}) has come.`,
      });
    }
  }
  for (const a of input.actions.filter((a) => a.overdue)) {
    out.push(
      a.assignee === "them"
        ? {
            topic: "other",
            body: `Follow up: ${a.title}`,
            why: `Their action, due ${a.dueDate ? formatDay(a.dueDate) : "earlier"}, is still open.`,
          }
        : {
            topic: "other",
            body: `My overdue action: ${a.title}`,
            why: `Mine, due ${a.dueDate ? formatDay(a.dueDate) : "earlier"}: say where it stands.`,
          },
    );
  }
  for (const g of input.goals.filter((g) => g.status === "active")) {
    const quiet = g.lastNoteDay === null ? null : daysBetween(g.lastNoteDay, input.today);
    if (quiet === null || quiet >= GOAL_QUIET_DAYS) {
      out.push({
        topic: "growth",
        body: `Growth: ${g.title}: what has moved since we last talked about it?`,
        why: quiet === null ? "No note on this goal yet." : `No note on this goal for ${quiet} days.`,
      });
    }
  }
  const taken = new Set(input.agenda.map((b) => b.trim().toLowerCase()));
  return out.filter((s) => !taken.has(s.body.toLowerCase()));
}
