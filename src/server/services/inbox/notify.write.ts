import { and, asc, eq, gte, ne, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import {
  actionItems,
  memberships,
  metrics,
  notifications,
  oneOnOnes,
  people,
  pokerRounds,
  talkingPoints,
  targets,
  tasks,
  type NotificationKind,
} from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { inboxCandidates, type InboxConcern } from "../kernel/policy";

/**
 * What happened, as the write services say it (one line each, in the same
 * transaction as the write). `notify` works out who hears of it
 * (policy.ts, the inbox section), writes one row per recipient with a short
 * text, and never one for the actor themself.
 */
export type InboxEvent =
  | { kind: "talking_point_added"; point: { id: string; personId: string; body: string } }
  | { kind: "action_assigned"; action: { id: string; personId: string; assignee: string; title: string } }
  | { kind: "check_in"; metricId: string; value: number }
  | { kind: "target_comment"; targetId: string }
  | { kind: "status_update"; targetId: string }
  | { kind: "level_proposed"; proposal: { taskId: string; toLabel: string } }
  | { kind: "proposal_answered"; proposal: { taskId: string; proposerPersonId: string; status: string; toLabel: string } }
  | { kind: "poker_started"; round: { id: string; delegateePersonId: string } };

type Subject = {
  concern: InboxConcern;
  /** The row each recipient must see, by the table's own "see" rule. */
  check: { table: PgTable & { id: PgColumn; orgId: PgColumn }; id: string };
  columns: Partial<
    Pick<typeof notifications.$inferInsert, "personId" | "targetId" | "taskId" | "pokerRoundId" | "talkingPointId" | "actionItemId">
  >;
  text: (actorName: string) => string;
};

const clip = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

async function targetTitle(db: Db, actor: Actor, targetId: string): Promise<string> {
  const [row] = await db
    .select({ title: targets.title })
    .from(targets)
    .where(inScope(targets, actor, eq(targets.id, targetId)))
    .limit(1);
  return row?.title ?? "a target";
}

async function taskTitle(db: Db, actor: Actor, taskId: string): Promise<string> {
  const [row] = await db
    .select({ title: tasks.title })
    .from(tasks)
    .where(inScope(tasks, actor, eq(tasks.id, taskId)))
    .limit(1);
  return row?.title ?? "a task";
}

/**
 * "Thursday's 1:1" when the person's next 1:1 is booked within the coming
 * week, "the 1:1 on 12 Mar" when later, "your next 1:1" when none is booked
 * (days in the actor's time zone).
 */
async function nextMeetingName(db: Db, actor: Actor, personId: string): Promise<string> {
  const clock = await userClock(db, actor);
  const [next] = await db
    .select({ at: oneOnOnes.scheduledAt })
    .from(oneOnOnes)
    .where(
      inScope(
        oneOnOnes,
        actor,
        eq(oneOnOnes.personId, personId),
        // With their current manager (one booked with a manager before the line changed is not "the next 1:1").
        sql`${oneOnOnes.managerPersonId} = (select p.manager_id from ${people} as p where p.org_id = ${actor.orgId} and p.id = ${personId})`,
        eq(oneOnOnes.status, "scheduled"),
        gte(oneOnOnes.scheduledAt, clock.now),
      ),
    )
    .orderBy(asc(oneOnOnes.scheduledAt))
    .limit(1);
  if (!next) return "your next 1:1";
  const day = clock.dayOf(next.at);
  if (day === clock.today) return "today's 1:1";
  const noon = new Date(`${day}T12:00:00Z`);
  if (noon.getTime() - new Date(`${clock.today}T12:00:00Z`).getTime() < 7 * 86_400_000) {
    return `${noon.toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" })}'s 1:1`;
  }
  return `the 1:1 on ${noon.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })}`;
}

async function subjectOf(db: Db, actor: Actor, event: InboxEvent): Promise<Subject | null> {
  switch (event.kind) {
    case "talking_point_added": {
      const { point } = event;
      const when = await nextMeetingName(db, actor, point.personId);
      return {
        concern: { oneOnOneOf: point.personId },
        check: { table: talkingPoints, id: point.id },
        columns: { personId: point.personId, talkingPointId: point.id },
        text: (who) => `${who} added a talking point to ${when}: “${clip(point.body, 60)}”`,
      };
    }
    case "action_assigned": {
      const { action } = event;
      // An action the manager set for themself ("me") concerns nobody else.
      if (action.assignee !== "them") return null;
      return {
        concern: { person: action.personId },
        check: { table: actionItems, id: action.id },
        columns: { personId: action.personId, actionItemId: action.id },
        text: (who) => `${who} gave you an action: “${clip(action.title, 60)}”`,
      };
    }
    case "check_in": {
      const [metric] = await db
        .select({ targetId: metrics.targetId, unit: metrics.unit, name: metrics.name })
        .from(metrics)
        .where(inScope(metrics, actor, eq(metrics.id, event.metricId)))
        .limit(1);
      if (!metric) return null;
      const title = await targetTitle(db, actor, metric.targetId);
      const value = `${event.value}${metric.unit ? (metric.unit === "%" ? "%" : ` ${metric.unit}`) : ""}`;
      return {
        concern: { target: metric.targetId },
        check: { table: targets, id: metric.targetId },
        columns: { targetId: metric.targetId },
        text: (who) => `${who} checked in on ${title}: ${value}`,
      };
    }
    case "target_comment":
    case "status_update": {
      const title = await targetTitle(db, actor, event.targetId);
      return {
        concern: { target: event.targetId },
        check: { table: targets, id: event.targetId },
        columns: { targetId: event.targetId },
        text: (who) => (event.kind === "target_comment" ? `${who} commented on ${title}` : `${who} wrote this week's status of ${title}`),
      };
    }
    case "level_proposed": {
      const { proposal } = event;
      const title = await taskTitle(db, actor, proposal.taskId);
      return {
        concern: { task: proposal.taskId, side: "delegator" },
        check: { table: tasks, id: proposal.taskId },
        columns: { taskId: proposal.taskId, personId: actor.personId },
        text: (who) => `${who} proposed ‘${proposal.toLabel}’ for ${title}`,
      };
    }
    case "proposal_answered": {
      const { proposal } = event;
      const title = await taskTitle(db, actor, proposal.taskId);
      return {
        concern: { person: proposal.proposerPersonId },
        check: { table: tasks, id: proposal.taskId },
        columns: { taskId: proposal.taskId, personId: proposal.proposerPersonId },
        text: (who) =>
          `${who} ${proposal.status === "accepted" ? "accepted" : "declined"} your proposal of ‘${proposal.toLabel}’ for ${title}`,
      };
    }
    case "poker_started":
      return {
        concern: { round: event.round.id, side: "delegatee" },
        check: { table: pokerRounds, id: event.round.id },
        columns: { pokerRoundId: event.round.id, personId: event.round.delegateePersonId },
        text: (who) => `${who} started a delegation poker round with you`,
      };
  }
}

/**
 * Writes the inbox items of one event: for each person it concerns who is a
 * member of the organisation, is not the actor, and may see its subject (the
 * table's "see" rule, with them as the actor). Call it with the transaction
 * of the write it reports. Answers how many items it wrote.
 */
export async function notify(db: Db, actor: Actor, event: InboxEvent): Promise<number> {
  const subject = await subjectOf(db, actor, event);
  if (!subject) return 0;
  const candidates = await db
    .select({ personId: memberships.personId, userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, actor.orgId),
        ne(memberships.personId, actor.personId),
        sql`${memberships.personId} in (select person_id from (${inboxCandidates(actor.orgId, subject.concern)}) as inbox_candidates)`,
      ),
    );
  if (candidates.length === 0) return 0;
  const { table, id } = subject.check;
  const recipients: string[] = [];
  for (const c of candidates) {
    const recipient: Actor = { userId: c.userId, sessionId: "inbox", orgId: actor.orgId, personId: c.personId, role: c.role };
    const [seen] = await db
      .select({ id: table.id })
      .from(table)
      .where(inScope(table, recipient, eq(table.id, id)))
      .limit(1);
    if (seen) recipients.push(c.personId);
  }
  if (recipients.length === 0) return 0;
  const [me] = await db
    .select({ name: people.name })
    .from(people)
    .where(inScope(people, actor, eq(people.id, actor.personId)))
    .limit(1);
  const text = subject.text(me?.name.split(" ")[0] ?? "Someone");
  const kind: NotificationKind = event.kind;
  // The time in milliseconds (not the database's microseconds): the inbox's keyset cursor carries it exactly.
  const createdAt = new Date();
  await db.insert(notifications).values(
    recipients.map((recipientPersonId) => ({
      orgId: actor.orgId,
      recipientPersonId,
      actorPersonId: actor.personId,
      kind,
      text,
      createdAt,
      ...subject.columns,
    })),
  );
  return recipients.length;
}
