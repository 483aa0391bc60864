import type { Org } from "./org";
import type { Role } from "./types";

/**
 * What each role must never find in any answer, whatever it calls: ids and
 * texts of the world's rows that DESIGN.md's table hides from them. Checked
 * on every allowed cell of the matrix, so a list, a search, a prep page or an
 * export that says too much fails, not only a `get` that should refuse.
 */
export function hiddenFrom(org: Org, role: Role): string[] {
  const hidden: string[] = [];
  const hideUnless = (seers: Role[], ...values: string[]) => {
    if (!seers.includes(role)) hidden.push(...values);
  };
  // Private notes: their author's alone, admins included.
  hideUnless(["manager"], org.secrets.managerInR1, org.managerPrivate.id);
  hideUnless(["self"], org.secrets.selfInR1, org.selfPrivate.id);
  hideUnless(["skip"], org.secrets.skipInE1, org.skipPrivate.id);
  hideUnless(["top"], org.secrets.topInD, org.topPrivate.id);
  // The manager's own notes about R1 (the person page).
  hideUnless(["manager"], org.personNote);
  // R1's 1:1s with E1: the two of them.
  hideUnless(
    ["self", "manager"],
    org.held.id,
    org.meeting.id,
    org.point.id,
    org.theirPoint.id,
    org.action.id,
    org.myAction.id,
    org.goal.id,
    org.sharedNote.id,
  );
  // R1's target and task: R1, the controller / delegator, and the line above.
  hideUnless(["self", "manager", "skip", "top"], org.r1Target.id, org.metric.id, org.milestone.id, org.checkIn.id, org.task.id);
  // Its comment thread and weekly status: whoever sees the target.
  hideUnless(
    ["self", "manager", "skip", "top"],
    org.selfComment.id,
    org.selfComment.body,
    org.managerComment.id,
    org.managerComment.body,
    org.statusUpdate.id,
    org.statusUpdate.body,
  );
  // R1's proposal and the poker round with E1 (and its task): R1, E1 and the line above, as the task.
  hideUnless(
    ["self", "manager", "skip", "top"],
    org.proposal.id,
    org.proposal.reason,
    org.pokerTask.id,
    org.pokerRound.id,
    org.pokerItem.id,
  );
  // The Platform pair's target (D's, owned by E1 and S), and D's task for E1. R1 owns a sub-target of it (E1's, see
  // subTarget): R1 sees its id, title and health as what their target is part of, never its metrics (policy.ts, cascading targets).
  hideUnless(["manager", "skip", "top"], org.e1Task.id, org.pairMetric.id);
  hideUnless(["manager", "skip", "top", "self"], org.pairTarget.id);
  // The sub-target: its controller E1, its owner R1, and the line above them.
  hideUnless(["self", "manager", "skip", "top"], org.subTarget.id);
  // Inbox items: their recipient's alone; one whose subject its recipient no longer sees, nobody's.
  hideUnless(["self"], org.selfInboxItem.id, org.selfInboxItem.text);
  hideUnless(["manager"], org.managerInboxItem.id, org.managerInboxItem.text);
  hidden.push(org.staleInboxItem.id, org.staleInboxItem.text);
  // Personal rows: their user's alone.
  hideUnless(["self"], org.selfPersonal.energy.id, org.selfPersonal.item.id, org.token.id);
  hideUnless(["manager"], org.managerPersonal.energy.id, org.managerPersonal.item.id);
  hideUnless(["skip"], org.skipPersonal.energy.id, org.skipPersonal.item.id);
  // Another organisation sees nothing of this one.
  if (role === "otherOrg") {
    hidden.push(
      org.orgId,
      ...Object.values(org.people).flatMap((p) => [p.id, p.email!]),
      org.areas.checkout.id,
      org.areas.platform.id,
      org.sharedTarget.id,
      org.spectrum.id,
      org.otherSpectrum.id,
    );
  }
  return hidden;
}

/** The hidden values found in an answer (as JSON, so nested fields count). */
export function leaksIn(result: unknown, hidden: string[]): string[] {
  const text = typeof result === "string" ? result : JSON.stringify(result ?? null);
  return hidden.filter((value) => value && text.includes(value));
}
