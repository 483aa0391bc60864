import { and, asc, desc, eq, gt, isNull, lte, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types";
import {
  actionItems,
  checkIns,
  coachingNotes,
  growthGoals,
  levelChanges,
  metrics,
  oneOnOnes,
  people,
  targetOwners,
  targets,
  talkingPoints,
  tasks,
} from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inOrg, inScope, myReport } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { actorValues, preparedFor } from "../kernel/prepared";
import { userClock, type UserClock } from "../kernel/clock";
import { goalsWithNotes, selectPoints, shapePoint, type OneOnOneViewer } from "./views.read";
import { getActiveSpectrum } from "../delegation/spectrums.read";
import { levelSince } from "../delegation/tasks.read";
import { levelSinceDay, review, reviewDue } from "@/lib/delegation/review";
import { addedSince, agendaOf, openActions } from "@/lib/one-on-ones/agenda";
import { dueOf } from "@/lib/one-on-ones/cadence";
import { healthSince, metricMovement } from "@/lib/one-on-ones/changes";
import { suggestTalkingPoints } from "@/lib/one-on-ones/suggestions";

/** Reads (a read model): the prep page of a person's next 1:1. Nothing here writes. */

/** A timestamp placeholder's value: an ISO string, which PostgreSQL reads as the column's type on both drivers. */
const iso = (d: Date) => d.toISOString();

/**
 * The prep page's statements, each built once per database handle and shape
 * (kernel/prepared.ts): `personId` is the person whose side it is, `since` the
 * last held 1:1 (a shape of its own when there is none).
 */
const subject = () => sql.placeholder("personId");
const sinceParam = () => sql.placeholder("since");

/**
 * The targets the person owns (active, or changed since the last held 1:1),
 * each joined to its metrics and each metric to its latest check-in now and
 * (with `since`) as it stood then: one lateral lookup of one index entry
 * (check_ins_metric_at_idx) per metric and moment (the latest now is also on
 * the metric's row since migration 0027; the lookup is kept beside the one as
 * of then). One statement, a row per target and metric (a target
 * without metrics has one row, with no metric). Metrics and check-ins are
 * read in the organisation alone: they are a visible target's (the policy
 * sees a metric exactly when it sees its target).
 */
function ownedTargets(db: Db, actor: Actor, hasSince: boolean) {
  return preparedFor(db, actor, "prep_targets", hasSince ? "since" : "all", (a, name) => {
    const latestAsOf = (alias: string, asOf?: Placeholder) =>
      db
        .select({ value: checkIns.value, at: checkIns.at })
        .from(checkIns)
        .where(inOrg(checkIns, a, eq(checkIns.metricId, metrics.id), asOf ? lte(checkIns.at, asOf) : undefined))
        .orderBy(desc(checkIns.at))
        .limit(1)
        .as(alias);
    const now = latestAsOf("latest_now");
    const then = latestAsOf("latest_then", sinceParam());
    const query = db
      .select({
        target: {
          id: targets.id,
          title: targets.title,
          kind: targets.kind,
          status: targets.status,
          startDate: targets.startDate,
          dueDate: targets.dueDate,
          updatedAt: targets.updatedAt,
        },
        metric: metrics,
        nowValue: now.value,
        nowAt: now.at,
        ...(hasSince ? { thenValue: then.value, thenAt: then.at } : {}),
      })
      .from(targets)
      .innerJoin(targetOwners, and(eq(targetOwners.targetId, targets.id), eq(targetOwners.orgId, targets.orgId)))
      .leftJoin(metrics, inOrg(metrics, a, eq(metrics.targetId, targets.id)))
      .leftJoinLateral(now, sql`true`);
    return (hasSince ? query.leftJoinLateral(then, sql`true`) : query)
      .where(
        inScope(
          targets,
          a,
          eq(targetOwners.personId, subject()),
          or(eq(targets.status, "active"), hasSince ? gt(targets.updatedAt, sinceParam()) : undefined),
        ),
      )
      .orderBy(asc(targets.dueDate), asc(targets.id), asc(metrics.position), asc(metrics.createdAt))
      .prepare(name);
  });
}

function levelChangesSince(db: Db, actor: Actor) {
  return preparedFor(db, actor, "prep_level_changes", "", (a, name) =>
    db
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
      .where(inScope(levelChanges, a, eq(tasks.personId, subject()), gt(levelChanges.at, sinceParam())))
      .orderBy(desc(levelChanges.at))
      .limit(100)
      .prepare(name),
  );
}

function openTasks(db: Db, actor: Actor) {
  return preparedFor(db, actor, "prep_open_tasks", "", (a, name) =>
    db
      .select({ task: tasks, levelSince })
      .from(tasks)
      .where(inScope(tasks, a, eq(tasks.personId, subject()), eq(tasks.status, "open")))
      .orderBy(asc(tasks.title))
      .prepare(name),
  );
}

/**
 * What changed on a person's side since `since` (the last held 1:1): the
 * targets they own with each metric's value then and now and the health it
 * turned to, their delegation levels changed since, and the tasks delegated to
 * them as the review sees them. Shared by both prep pages: the manager's for
 * a report, the report's own. Four statements, whatever the history (three
 * before the first held 1:1).
 */
export async function sideChanges(db: Db, actor: Actor, personId: string, since: Date | null, clock: UserClock, now: Date) {
  const values = { ...actorValues(actor), personId, ...(since ? { since: iso(since) } : {}) };
  const [rows, changes, taskRows, spectrum] = await Promise.all([
    ownedTargets(db, actor, since !== null).execute(values),
    since ? levelChangesSince(db, actor).execute(values) : Promise.resolve([]),
    openTasks(db, actor).execute(values),
    getActiveSpectrum(db, actor),
  ]);

  const nowValues = new Map<string, { value: number; at: Date }>();
  const thenValues = new Map<string, { value: number; at: Date }>();
  const targetRows = rows.map((r) => r.target);
  const metricRows: { metric: typeof metrics.$inferSelect }[] = [];
  for (const row of rows as ((typeof rows)[number] & { thenValue?: number | null; thenAt?: Date | null })[]) {
    if (!row.metric) continue;
    metricRows.push({ metric: row.metric });
    if (row.nowAt) nowValues.set(row.metric.id, { value: Number(row.nowValue), at: row.nowAt });
    if (row.thenAt) thenValues.set(row.metric.id, { value: Number(row.thenValue), at: row.thenAt });
  }

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
  const [clock, [head]] = await Promise.all([userClock(db, actor, now), prepHead(db, actor).execute({ ...actorValues(actor), personId })]);
  if (!head) throw notFound("Person");
  const person = head.people;
  const viewer: OneOnOneViewer = person.id === actor.personId ? "report" : person.managerId === actor.personId ? "manager" : "former";
  const stats = head.meeting_stats ?? undefined;
  const lastMeeting = head.last_held ?? undefined;
  const nextMeeting = head.next_scheduled ?? null;
  const since = lastMeeting?.heldAt ?? null;

  const values = { ...actorValues(actor), personId };
  const [side, actions, points, lastNotes, goals] = await Promise.all([
    sideChanges(db, actor, personId, since, clock, now),
    prepActions(db, actor).execute(values),
    prepPoints(db, actor).execute(values),
    lastMeeting ? prepNotes(db, actor).execute({ ...values, oneOnOneId: lastMeeting.id }) : Promise.resolve([]),
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

/**
 * The person (if the actor may open their prep page: they are the actor or the
 * actor's report: not someone they held 1:1s with before), their last held
 * 1:1, their next booked one, and how many were held: one statement with
 * lateral lookups (one index range each), as meetingStats and the two
 * one-row reads it replaces.
 */
function prepHead(db: Db, actor: Actor) {
  return preparedFor(db, actor, "prep_head", "", (a, name) => {
    const mine = (...conditions: SQL[]) => inScope(oneOnOnes, a, eq(oneOnOnes.personId, subject()), ...conditions);
    const lastHeld = db
      .select()
      .from(oneOnOnes)
      .where(mine(eq(oneOnOnes.status, "held")))
      .orderBy(desc(oneOnOnes.heldAt))
      .limit(1)
      .as("last_held");
    const nextScheduled = db
      .select()
      .from(oneOnOnes)
      .where(mine(eq(oneOnOnes.status, "scheduled")))
      .orderBy(asc(oneOnOnes.scheduledAt))
      .limit(1)
      .as("next_scheduled");
    const stats = db
      .select({
        lastHeldAt: sql<Date | null>`max(${oneOnOnes.heldAt}) filter (where ${oneOnOnes.status} = 'held')`
          .mapWith(oneOnOnes.heldAt)
          .as("last_held_at"),
        nextScheduledAt: sql<Date | null>`min(${oneOnOnes.scheduledAt}) filter (where ${oneOnOnes.status} = 'scheduled')`
          .mapWith(oneOnOnes.scheduledAt)
          .as("next_scheduled_at"),
        held: sql<number>`count(*) filter (where ${oneOnOnes.status} = 'held')`.mapWith(Number).as("held"),
        total: sql<number>`count(*)`.mapWith(Number).as("total"),
      })
      .from(oneOnOnes)
      .where(mine())
      .as("meeting_stats");
    return db
      .select()
      .from(people)
      .leftJoinLateral(lastHeld, sql`true`)
      .leftJoinLateral(nextScheduled, sql`true`)
      .leftJoinLateral(stats, sql`true`)
      .where(inScope(people, a, eq(people.id, subject()), or(eq(people.id, a.personId), myReport(a, people.id))))
      .limit(1)
      .prepare(name);
  });
}

function prepActions(db: Db, actor: Actor) {
  return preparedFor(db, actor, "prep_actions", "", (a, name) =>
    db
      .select()
      .from(actionItems)
      .where(inScope(actionItems, a, eq(actionItems.personId, subject()), isNull(actionItems.doneAt)))
      .limit(1_000)
      .prepare(name),
  );
}

function prepPoints(db: Db, actor: Actor) {
  return preparedFor(db, actor, "prep_points", "", (a, name) =>
    selectPoints(db)
      .where(inScope(talkingPoints, a, eq(talkingPoints.personId, subject()), isNull(talkingPoints.discussedInId)))
      .limit(1_000)
      .prepare(name),
  );
}

function prepNotes(db: Db, actor: Actor) {
  return preparedFor(db, actor, "prep_last_notes", "", (a, name) =>
    db
      .select({ note: coachingNotes, goalTitle: growthGoals.title })
      .from(coachingNotes)
      .leftJoin(growthGoals, and(eq(growthGoals.id, coachingNotes.goalId), eq(growthGoals.orgId, coachingNotes.orgId)))
      .where(inScope(coachingNotes, a, eq(coachingNotes.oneOnOneId, sql.placeholder("oneOnOneId"))))
      .orderBy(asc(coachingNotes.createdAt))
      .prepare(name),
  );
}
