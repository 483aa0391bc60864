import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/types";
import { actionItems, coachingNotes, growthGoals, oneOnOnes, people, talkingPoints } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { sideChanges } from "./prep.read";
import { bookedAhead, goalsWithNotes, meetingStats, selectPoints, shapePoint } from "./views.read";
import { addedSince, agendaOf, mayTickAction, openActions } from "@/lib/one-on-ones/agenda";
import { dueOf } from "@/lib/one-on-ones/cadence";

/** Reads (a read model): the report's own prep page, for their next 1:1 with their manager. Nothing here writes. */

/**
 * The report's side of the next 1:1: what changed since the last held one on
 * their side (the targets they own with their values then and now, their
 * delegation levels and the changes to them since), the actions due on both
 * sides (theirs to tick), the agenda with what their manager added since, the
 * last 1:1's shared notes and their growth goals. Everything comes through the
 * policy, so another author's private note never appears (the private-note
 * test walks this page). A fixed number of queries, whatever the history.
 *
 * Everyone has one: with no manager (the top of the chart) there is no 1:1 to
 * prepare, and the page says so (`manager: null`).
 */
export async function prepForMe(db: Db, actor: Actor, now = new Date()) {
  const me = await loadInScope(db, actor, people, actor.personId, "Person");
  const clock = await userClock(db, actor, now);
  const mine = eq(oneOnOnes.personId, me.id);
  const [[stats], [lastMeeting], [nextMeeting], manager] = await Promise.all([
    meetingStats(db, actor, me.id),
    db
      .select()
      .from(oneOnOnes)
      .where(inScope(oneOnOnes, actor, mine, eq(oneOnOnes.status, "held")))
      .orderBy(desc(oneOnOnes.heldAt))
      .limit(1),
    bookedAhead(db, actor, me.id, now),
    me.managerId
      ? db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inScope(people, actor, eq(people.id, me.managerId)))
          .limit(1)
          .then((rows) => rows[0] ?? null)
      : Promise.resolve(null),
  ]);
  const since = lastMeeting?.heldAt ?? null;

  const [side, actions, points, lastNotes, goals] = await Promise.all([
    sideChanges(db, actor, me.id, since, clock, now),
    db
      .select()
      .from(actionItems)
      .where(inScope(actionItems, actor, eq(actionItems.personId, me.id), isNull(actionItems.doneAt)))
      .limit(1_000),
    selectPoints(db)
      .where(inScope(talkingPoints, actor, eq(talkingPoints.personId, me.id), isNull(talkingPoints.discussedInId)))
      .limit(1_000),
    lastMeeting
      ? db
          .select({ note: coachingNotes, goalTitle: growthGoals.title })
          .from(coachingNotes)
          .leftJoin(growthGoals, and(eq(growthGoals.id, coachingNotes.goalId), eq(growthGoals.orgId, coachingNotes.orgId)))
          .where(inScope(coachingNotes, actor, eq(coachingNotes.oneOnOneId, lastMeeting.id)))
          .orderBy(asc(coachingNotes.createdAt))
      : Promise.resolve([]),
    goalsWithNotes(db, actor, me.id),
  ]);

  // A point from before authors were kept is the manager's.
  const agenda = agendaOf(points.map(shapePoint(actor, "report", manager)));
  // Stored from the manager's side: "them" is the report (yours to tick), "me" the manager.
  const both = openActions(
    actions.map((a) => ({ ...a, mayTick: mayTickAction("report", a) })),
    clock.today,
  );

  return {
    me: { id: me.id, name: me.name, cadence: me.cadence, cadenceDays: me.cadenceDays },
    manager,
    today: clock.today,
    timeZone: clock.timeZone,
    since,
    lastMeeting: lastMeeting ?? null,
    nextMeeting: nextMeeting ?? null,
    held: stats?.held ?? 0,
    due: dueOf(me, stats, clock),
    targets: side.targets,
    levelChanges: side.levelChanges,
    tasks: side.tasks,
    actions: { yours: both.theirs, managers: both.mine },
    agenda,
    /** What the manager added to the agenda since the last held 1:1 (every open point of theirs, before the first). */
    addedByManager: addedSince(agenda, { not: me.id }, since),
    lastNotes: lastNotes.map((n) => ({ ...n.note, goalTitle: n.goalTitle, mine: n.note.authorPersonId === actor.personId })),
    goals,
  };
}
