import { and, asc, desc, eq, gte, inArray, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import {
  actionItems,
  checkIns,
  coachingNotes,
  handoverNotes,
  handovers,
  levelChanges,
  oneOnOnes,
  people,
  spectrumLevels,
  talkingPoints,
  tasks,
} from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope, myReport } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { userClock } from "../kernel/clock";
import { listTargets } from "../targets/targets.read";
import { goalsWithNotes } from "../one-on-ones/views.read";
import { agendaOf, openActions } from "@/lib/one-on-ones/agenda";
import { groupBy } from "@/lib/group-by";

/**
 * Reads of hand-overs (issue #17, part 5): the hand-over page of a person,
 * the latest hand-over for the person page's link, and the new manager's
 * recent hand-overs for Home. Who reads a hand-over is policy.ts's
 * "hand-overs" section; every section of the page is read through its own
 * table's policy, so each reader gets what they may see of the person and
 * nothing more (the line above: targets and levels, never 1:1s; the old
 * manager: the 1:1s they held, the tasks they delegate). Private notes are on
 * no hand-over page, their author's included: the page carries the shared
 * history over, and a private note stays where it was written.
 */

const fromPerson = alias(people, "handover_from");
const toPerson = alias(people, "handover_to");

/** How many held 1:1s the page shows the talking points of. */
export const RECENT_MEETINGS = 5;
/** How many shared notes the page lists (newest first). */
export const HANDOVER_NOTES_LISTED = 50;
/** Per metric, how many check-ins of the last TREND_DAYS the trend line shows. */
export const TREND_POINTS = 12;
const TREND_DAYS = 180;

/** Hand-overs with both managers' names, as the actor may read them. */
function handoverRows(db: Db, actor: Actor, ...conditions: (SQL | undefined)[]) {
  return db
    .select({
      id: handovers.id,
      personId: handovers.personId,
      fromPersonId: handovers.fromPersonId,
      fromName: fromPerson.name,
      toPersonId: handovers.toPersonId,
      toName: toPerson.name,
      at: handovers.at,
    })
    .from(handovers)
    .innerJoin(fromPerson, and(eq(fromPerson.id, handovers.fromPersonId), eq(fromPerson.orgId, handovers.orgId)))
    .innerJoin(toPerson, and(eq(toPerson.id, handovers.toPersonId), eq(toPerson.orgId, handovers.orgId)))
    .where(inScope(handovers, actor, ...conditions));
}

/** Who the actor is on a hand-over: the new manager, the old one, or the line above the new one. */
export type HandoverViewer = "to" | "from" | "line";
const viewerOf = (actor: Actor, h: { fromPersonId: string; toPersonId: string }): HandoverViewer =>
  h.toPersonId === actor.personId ? "to" : h.fromPersonId === actor.personId ? "from" : "line";

/**
 * The latest hand-over of a person the actor may read, for the person page's
 * "Hand-over from X" link; null when there is none they may read. A person
 * outside the organisation is NOT_FOUND, as on the person page.
 */
export async function latestHandover(db: Db, actor: Actor, personId: string) {
  await loadInScope(db, actor, people, personId, "Person");
  const [row] = await handoverRows(db, actor, eq(handovers.personId, personId)).orderBy(desc(handovers.at), desc(handovers.id)).limit(1);
  return row ? { ...row, viewer: viewerOf(actor, row) } : null;
}

/**
 * Home: hand-overs to the actor of the last `days` days, for people who still
 * report to them, newest first, with whether the old manager left a note.
 */
export async function handoversToMe(db: Db, actor: Actor, now = new Date(), days = 30, limit = 8) {
  const rows = await db
    .select({
      id: handovers.id,
      personId: handovers.personId,
      personName: people.name,
      fromName: fromPerson.name,
      at: handovers.at,
      noteId: handoverNotes.id,
    })
    .from(handovers)
    .innerJoin(people, and(eq(people.id, handovers.personId), eq(people.orgId, handovers.orgId)))
    .innerJoin(fromPerson, and(eq(fromPerson.id, handovers.fromPersonId), eq(fromPerson.orgId, handovers.orgId)))
    .leftJoin(handoverNotes, inScope(handoverNotes, actor, eq(handoverNotes.handoverId, handovers.id)))
    .where(
      inScope(
        handovers,
        actor,
        eq(handovers.toPersonId, actor.personId),
        gte(handovers.at, new Date(now.getTime() - days * 86_400_000)),
        myReport(actor, handovers.personId),
        isNull(people.archivedAt),
      ),
    )
    .orderBy(desc(handovers.at))
    .limit(limit);
  return rows.map(({ noteId, ...r }) => ({ ...r, hasNote: noteId !== null }));
}

/**
 * A person's hand-over page: their latest hand-over the actor may read (or
 * NOT_FOUND, as a missing person), the earlier ones, the old manager's note
 * (for the two managers), and the person's shared history as the actor may
 * see it: targets with their trend, growth goals and the shared notes, the
 * delegation levels with their history, open actions, the agenda as it
 * stands and the talking points of the last RECENT_MEETINGS held 1:1s,
 * whoever held them. A fixed number of queries, whatever the history's size.
 */
export async function handoverPage(db: Db, actor: Actor, personId: string, now = new Date()) {
  const person = await loadInScope(db, actor, people, personId, "Person");
  const history = await handoverRows(db, actor, eq(handovers.personId, personId)).orderBy(desc(handovers.at), desc(handovers.id)).limit(20);
  const handover = history[0];
  if (!handover) throw notFound("Hand-over");
  const viewer = viewerOf(actor, handover);
  const clock = await userClock(db, actor, now);

  const [[note], targets, goals, notes, taskRows, actions, openPoints, meetings] = await Promise.all([
    db
      .select()
      .from(handoverNotes)
      .where(inScope(handoverNotes, actor, eq(handoverNotes.handoverId, handover.id)))
      .limit(1),
    listTargets(db, actor, { personId }, now),
    goalsWithNotes(db, actor, personId),
    db
      .select({
        id: coachingNotes.id,
        kind: coachingNotes.kind,
        body: coachingNotes.body,
        situation: coachingNotes.situation,
        behaviour: coachingNotes.behaviour,
        impact: coachingNotes.impact,
        goalId: coachingNotes.goalId,
        oneOnOneId: coachingNotes.oneOnOneId,
        authorPersonId: coachingNotes.authorPersonId,
        authorName: people.name,
        createdAt: coachingNotes.createdAt,
      })
      .from(coachingNotes)
      .innerJoin(people, and(eq(people.id, coachingNotes.authorPersonId), eq(people.orgId, coachingNotes.orgId)))
      // Shared notes only: a private note is never on a hand-over page, its author's own included.
      .where(inScope(coachingNotes, actor, eq(coachingNotes.personId, personId), eq(coachingNotes.private, false)))
      .orderBy(desc(coachingNotes.createdAt))
      .limit(HANDOVER_NOTES_LISTED),
    db
      .select({
        id: tasks.id,
        title: tasks.title,
        status: tasks.status,
        reviewDate: tasks.reviewDate,
        delegatorPersonId: tasks.delegatorPersonId,
        delegatorName: people.name,
        levelLabel: spectrumLevels.label,
        levelAutonomy: spectrumLevels.autonomy,
      })
      .from(tasks)
      .innerJoin(people, and(eq(people.id, tasks.delegatorPersonId), eq(people.orgId, tasks.orgId)))
      .innerJoin(spectrumLevels, and(eq(spectrumLevels.id, tasks.levelId), eq(spectrumLevels.orgId, tasks.orgId)))
      .where(inScope(tasks, actor, eq(tasks.personId, personId)))
      .orderBy(asc(tasks.status), asc(tasks.title))
      .limit(200),
    db
      .select()
      .from(actionItems)
      .where(inScope(actionItems, actor, eq(actionItems.personId, personId), isNull(actionItems.doneAt)))
      .orderBy(desc(actionItems.createdAt))
      .limit(200),
    db
      .select()
      .from(talkingPoints)
      .where(inScope(talkingPoints, actor, eq(talkingPoints.personId, personId), isNull(talkingPoints.discussedInId)))
      .limit(500),
    db
      .select({
        id: oneOnOnes.id,
        heldAt: oneOnOnes.heldAt,
        scheduledAt: oneOnOnes.scheduledAt,
        holderId: oneOnOnes.managerPersonId,
        holderName: people.name,
      })
      .from(oneOnOnes)
      .innerJoin(people, and(eq(people.id, oneOnOnes.managerPersonId), eq(people.orgId, oneOnOnes.orgId)))
      .where(inScope(oneOnOnes, actor, eq(oneOnOnes.personId, personId), eq(oneOnOnes.status, "held")))
      .orderBy(desc(oneOnOnes.heldAt))
      .limit(RECENT_MEETINGS),
  ]);

  const metricIds = targets.flatMap((t) => t.metrics.filter((m) => m.kind !== "milestone").map((m) => m.id));
  const taskIds = taskRows.map((t) => t.id);
  const meetingIds = meetings.map((m) => m.id);
  const [trendRows, changes, discussed] = await Promise.all([
    metricIds.length === 0
      ? []
      : db
          .select({ metricId: checkIns.metricId, at: checkIns.at, value: checkIns.value })
          .from(checkIns)
          .where(
            inScope(
              checkIns,
              actor,
              inArray(checkIns.metricId, metricIds),
              gte(checkIns.at, new Date(now.getTime() - TREND_DAYS * 86_400_000)),
            ),
          )
          .orderBy(desc(checkIns.at))
          .limit(metricIds.length * TREND_POINTS * 4),
    taskIds.length === 0
      ? []
      : db
          .select()
          .from(levelChanges)
          .where(inScope(levelChanges, actor, inArray(levelChanges.taskId, taskIds)))
          .orderBy(desc(levelChanges.at))
          .limit(1_000),
    meetingIds.length === 0
      ? []
      : db
          .select()
          .from(talkingPoints)
          .where(inScope(talkingPoints, actor, eq(talkingPoints.personId, personId), inArray(talkingPoints.discussedInId, meetingIds)))
          .orderBy(asc(talkingPoints.createdAt))
          .limit(500),
  ]);
  const trendOf = groupBy(trendRows, (r) => r.metricId);
  const changesOf = groupBy(changes, (c) => c.taskId);
  const pointsOf = groupBy(discussed, (p) => p.discussedInId!);

  return {
    person: {
      id: person.id,
      name: person.name,
      track: person.track,
      level: person.level,
      managerId: person.managerId,
      archivedAt: person.archivedAt,
    },
    handover: { ...handover, viewer },
    earlier: history.slice(1),
    /** The old manager's note: for the two managers (null for the line above, or when none was written). */
    note: note ?? null,
    /** Whether the actor may write the note: they are the hand-over's old manager. */
    canWriteNote: handover.fromPersonId === actor.personId,
    today: clock.today,
    targets: targets.map((t) => ({
      ...t,
      metrics: t.metrics.map((m) => ({
        ...m,
        trend: (trendOf.get(m.id) ?? [])
          .slice(0, TREND_POINTS)
          .reverse()
          .map(({ at, value }) => ({ at, value })),
      })),
    })),
    goals,
    notes,
    tasks: taskRows.map((t) => ({ ...t, history: changesOf.get(t.id) ?? [] })),
    actions: openActions(actions, clock.today),
    agenda: agendaOf(openPoints),
    meetings: meetings.map((m) => ({ ...m, points: pointsOf.get(m.id) ?? [] })),
  };
}

export type HandoverPage = Awaited<ReturnType<typeof handoverPage>>;
