import { and, asc, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/types";
import {
  actionItems,
  coachingNotes,
  growthGoals,
  levelChanges,
  metrics,
  oneOnOnes,
  targetOwners,
  targets,
  talkingPoints,
  tasks,
} from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { userClock, type UserClock } from "../kernel/clock";
import { goalsWithNotes, loadOneOnOnePerson, meetingStats, selectPoints, shapePoint } from "./views.read";
import { getActiveSpectrum } from "../delegation/spectrums.read";
import { latestValues } from "../targets/targets.read";
import { levelSince } from "../delegation/tasks.read";
import { levelSinceDay, review, reviewDue } from "@/lib/delegation/review";
import { addedSince, agendaOf, openActions } from "@/lib/one-on-ones/agenda";
import { dueOf } from "@/lib/one-on-ones/cadence";
import { healthSince, metricMovement } from "@/lib/one-on-ones/changes";
import { suggestTalkingPoints } from "@/lib/one-on-ones/suggestions";

/** Reads (a read model): the prep page of a person's next 1:1. Nothing here writes. */

/**
 * What changed on a person's side since `since` (the last held 1:1): the
 * targets they own with each metric's value then and now and the health it
 * turned to, their delegation levels changed since, and the tasks delegated to
 * them as the review sees them. Shared by both prep pages: the manager's for
 * a report, the report's own. Six queries, whatever the history.
 */
export async function sideChanges(db: Db, actor: Actor, personId: string, since: Date | null, clock: UserClock, now: Date) {
  const [targetRows, metricRows, changes, taskRows, spectrum] = await Promise.all([
    db
      .select({
        id: targets.id,
        title: targets.title,
        kind: targets.kind,
        status: targets.status,
        startDate: targets.startDate,
        dueDate: targets.dueDate,
        updatedAt: targets.updatedAt,
      })
      .from(targets)
      .innerJoin(targetOwners, and(eq(targetOwners.targetId, targets.id), eq(targetOwners.orgId, targets.orgId)))
      .where(
        inScope(
          targets,
          actor,
          eq(targetOwners.personId, personId),
          or(eq(targets.status, "active"), since ? gt(targets.updatedAt, since) : undefined),
        ),
      )
      .orderBy(asc(targets.dueDate)),
    db
      .select({ metric: metrics })
      .from(metrics)
      .innerJoin(targetOwners, and(eq(targetOwners.targetId, metrics.targetId), eq(targetOwners.orgId, metrics.orgId)))
      .where(inScope(metrics, actor, eq(targetOwners.personId, personId)))
      .orderBy(asc(metrics.position), asc(metrics.createdAt)),
    since
      ? db
          .select({
            id: levelChanges.id,
            taskId: levelChanges.taskId,
            taskTitle: tasks.title,
            fromLabel: levelChanges.fromLabel,
            fromAutonomy: levelChanges.fromAutonomy,
            toLabel: levelChanges.toLabel,
            toAutonomy: levelChanges.toAutonomy,
            reason: levelChanges.reason,
            at: levelChanges.at,
          })
          .from(levelChanges)
          .innerJoin(tasks, and(eq(tasks.id, levelChanges.taskId), eq(tasks.orgId, levelChanges.orgId)))
          .where(inScope(levelChanges, actor, eq(tasks.personId, personId), gt(levelChanges.at, since)))
          .orderBy(desc(levelChanges.at))
          .limit(100)
      : Promise.resolve([]),
    db
      .select({ task: tasks, levelSince })
      .from(tasks)
      .where(inScope(tasks, actor, eq(tasks.personId, personId), eq(tasks.status, "open")))
      .orderBy(asc(tasks.title)),
    getActiveSpectrum(db, actor),
  ]);

  const metricIds = metricRows.map((r) => r.metric.id).filter((id, i, all) => all.indexOf(id) === i);
  const [nowValues, thenValues] = await Promise.all([
    latestValues(db, actor, metricIds),
    since ? latestValues(db, actor, metricIds, since) : Promise.resolve(new Map<string, { value: number; at: Date }>()),
  ]);

  const targetsView = targetRows
    .filter((t, i, all) => all.findIndex((x) => x.id === t.id) === i)
    .map((t) => {
      const ms = metricRows
        .map((r) => r.metric)
        .filter((m, i, all) => m.targetId === t.id && all.findIndex((x) => x.id === m.id) === i)
        .map((m) => {
          const then = thenValues.get(m.id) ?? null;
          const latest = nowValues.get(m.id) ?? null;
          return {
            id: m.id,
            name: m.name,
            unit: m.unit,
            kind: m.kind,
            direction: m.direction,
            goal: m.goal,
            then,
            latest,
            movement: metricMovement(m, then?.value ?? null, latest?.value ?? null),
            shape: m,
          };
        });
      const health = healthSince(
        t,
        ms.map((m) => ({ ...m.shape, then: m.then?.value ?? null, now: m.latest?.value ?? null })),
        since,
        now,
        clock.today,
      );
      return {
        ...t,
        health,
        metrics: ms.map(({ shape: _s, ...m }) => m),
        newCheckIns: ms.some((m) => since !== null && m.latest !== null && m.latest.at > since),
      };
    });

  const tasksView = taskRows.map(({ task, levelSince: since_ }) => {
    const r = review(task, null, spectrum.levels, clock.today);
    return {
      ...task,
      levelSince: since_,
      level: r.level.label,
      suggested: r.suggested.label,
      reason: r.reason,
      fit: r.fit,
      levelSinceDay: levelSinceDay(since_, task.createdAt, clock.dayOf),
      reviewDue: reviewDue(task, clock.today),
    };
  });

  return { targets: targetsView, levelChanges: changes, tasks: tasksView };
}

/**
 * Everything to walk into the next 1:1 with a person knowing what changed
 * since the last one: targets and metric deltas, delegation changes, reviews
 * due, open actions, carried-over points, the last 1:1's notes, growth goals,
 * suggested talking points, and what the report added to the agenda since. A fixed number of queries, whatever the
 * length of the history (counted in the integration tests).
 */
export async function prepForPerson(db: Db, actor: Actor, personId: string, now = new Date()) {
  // The prep page is the two people's (the report reads their side): anyone else, an old manager included, gets NOT_FOUND.
  const { person, viewer } = await loadOneOnOnePerson(db, actor, personId, "manager");
  const clock = await userClock(db, actor, now);
  const [[stats], [lastMeeting]] = await Promise.all([
    meetingStats(db, actor, personId),
    db
      .select()
      .from(oneOnOnes)
      .where(inScope(oneOnOnes, actor, eq(oneOnOnes.personId, personId), eq(oneOnOnes.status, "held")))
      .orderBy(desc(oneOnOnes.heldAt))
      .limit(1),
  ]);
  const since = lastMeeting?.heldAt ?? null;
  const nextMeeting = stats?.nextScheduledAt
    ? ((
        await db
          .select()
          .from(oneOnOnes)
          .where(inScope(oneOnOnes, actor, eq(oneOnOnes.personId, personId), eq(oneOnOnes.status, "scheduled")))
          .orderBy(asc(oneOnOnes.scheduledAt))
          .limit(1)
      )[0] ?? null)
    : null;

  const [side, actions, points, lastNotes, goals] = await Promise.all([
    sideChanges(db, actor, personId, since, clock, now),
    db
      .select()
      .from(actionItems)
      .where(inScope(actionItems, actor, eq(actionItems.personId, personId), isNull(actionItems.doneAt)))
      .limit(1_000),
    selectPoints(db)
      .where(inScope(talkingPoints, actor, eq(talkingPoints.personId, personId), isNull(talkingPoints.discussedInId)))
      .limit(1_000),
    lastMeeting
      ? db
          .select({ note: coachingNotes, goalTitle: growthGoals.title })
          .from(coachingNotes)
          .leftJoin(growthGoals, and(eq(growthGoals.id, coachingNotes.goalId), eq(growthGoals.orgId, coachingNotes.orgId)))
          .where(inScope(coachingNotes, actor, eq(coachingNotes.oneOnOneId, lastMeeting.id)))
          .orderBy(asc(coachingNotes.createdAt))
      : Promise.resolve([]),
    goalsWithNotes(db, actor, personId),
  ]);
  const { targets: targetsView, levelChanges: changes, tasks: tasksView } = side;

  const openBoth = openActions(actions, clock.today);
  // The report may open this page for themself too (their own is myPrep): the points' rights and words follow the reader.
  const agenda = agendaOf(points.map(shapePoint(actor, viewer, viewer === "manager" ? { id: actor.personId, name: "You" } : null)));
  const suggestions = suggestTalkingPoints({
    today: clock.today,
    targets: targetsView,
    tasks: tasksView,
    actions: [...openBoth.mine, ...openBoth.theirs],
    goals: goals.map((g) => ({ ...g, lastNoteDay: g.lastNoteAt ? clock.dayOf(g.lastNoteAt) : null })),
    agenda: agenda.map((p) => p.body),
  });

  return {
    person: {
      id: person.id,
      name: person.name,
      track: person.track,
      level: person.level,
      leads: person.leads,
      cadence: person.cadence,
      cadenceDays: person.cadenceDays,
    },
    viewer,
    today: clock.today,
    timeZone: clock.timeZone,
    since,
    lastMeeting,
    nextMeeting,
    held: stats?.held ?? 0,
    due: dueOf(person, stats, clock),
    targets: targetsView,
    levelChanges: changes,
    reviewsDue: tasksView.filter((t) => t.reviewDue),
    tightHeld: tasksView.filter((t) => t.fit === "tighter"),
    actions: openBoth,
    agenda,
    /** What the report added to the agenda since the last held 1:1 (all of theirs still open, before the first). */
    addedByThem: addedSince(agenda, person.id, since),
    lastNotes: lastNotes.map((n) => ({ ...n.note, goalTitle: n.goalTitle, mine: n.note.authorPersonId === actor.personId })),
    goals,
    suggestions,
  };
}
