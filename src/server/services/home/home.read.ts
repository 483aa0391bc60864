import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { actionItems, oneOnOnes, people, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { capacityPlan } from "../capacity/capacity.read";
import { userClock } from "../kernel/clock";
import { oneOnOnesOverview } from "../one-on-ones/views.read";
import { heldOneOnOnesOf, personOfOneOnOne } from "../one-on-ones/held.sql";
import { inScope, myReport } from "../kernel/access";
import { getActiveSpectrum } from "../delegation/spectrums.read";
import { listTroubleNearMe } from "../targets/targets.read";
import { levelSince } from "../delegation/tasks.read";
import { handoversToMe } from "../handovers/handovers.read";
import { failingPulls } from "../integrations/bindings.read";
import { review } from "@/lib/delegation/review";
import { weekDays, weekStartOf } from "@/lib/energy/week";
import { TIGHT_FOR_DAYS } from "@/lib/one-on-ones/suggestions";
import { tighterCombinations, type LevelRef } from "@/lib/delegation/suggestion";
import { addDays, daysBetween } from "@/lib/one-on-ones/days";

/** How many rows each Home block lists; the block links to the full page. */
const LIMIT = 8;

/**
 * Home: the week at a glance, from the manager's side. This week's 1:1s with
 * their direct reports, targets in trouble (theirs and their reports'),
 * reviews due and tasks flagged on the levels they hold, their open actions,
 * and the week's capacity. (A member with no reports gets their own view:
 * my-view.read.ts.) A fixed number of queries, each bounded by the actor's own
 * span (their reports, the levels they hold), not by the org below them.
 */
export async function homeSummary(db: Db, actor: Actor, now = new Date()) {
  const clock = await userClock(db, actor, now);
  const week = weekDays(weekStartOf(clock.today));
  const weekStart = new Date(`${week[0]}T00:00:00Z`);
  const activeSpectrum = getActiveSpectrum(db, actor);
  const [overview, targets, spectrum, taskRows, actionRows, heldThisWeek, plan, handovers, pulls] = await Promise.all([
    oneOnOnesOverview(db, actor, now),
    listTroubleNearMe(db, actor, LIMIT, now),
    activeSpectrum,
    activeSpectrum.then((spectrum) => flaggableTasks(db, actor, spectrum.levels, week[6]!, now)),
    db
      .select({
        id: actionItems.id,
        title: actionItems.title,
        assignee: actionItems.assignee,
        dueDate: actionItems.dueDate,
        personId: actionItems.personId,
        personName: people.name,
      })
      .from(actionItems)
      .innerJoin(people, and(eq(people.id, actionItems.personId), eq(people.orgId, actionItems.orgId)))
      .where(
        inScope(
          actionItems,
          actor,
          isNull(actionItems.doneAt),
          // The manager's side of their reports' 1:1s ("me" is the actor), not the actor's own 1:1 with their manager.
          myReport(actor, actionItems.personId),
          or(eq(actionItems.assignee, "me"), lte(actionItems.dueDate, addDays(clock.today, -1))),
        ),
      )
      .orderBy(sql`${actionItems.dueDate} asc nulls last`)
      .limit(200),
    db
      .select({ id: oneOnOnes.id, personId: oneOnOnes.personId, personName: people.name, heldAt: oneOnOnes.heldAt })
      .from(oneOnOnes)
      .innerJoin(people, personOfOneOnOne)
      .where(heldOneOnOnesOf(actor, gte(oneOnOnes.heldAt, weekStart)))
      .orderBy(asc(oneOnOnes.heldAt)),
    capacityPlan(db, actor, {}, now),
    // People handed over to the actor lately (issue #17, part 5): each links to its hand-over page.
    handoversToMe(db, actor, now, 30, LIMIT),
    // Metrics pulled from Prometheus whose last pull failed or that went stale (issue #19), on the actor's targets.
    failingPulls(db, actor, now, LIMIT),
  ]);

  const flagged = taskRows
    .map(({ task, personName, levelSince: since }) => {
      const r = review(task, null, spectrum.levels, clock.today);
      const heldFor = since ? daysBetween(clock.dayOf(since), clock.today) : 0;
      const reviewDue = task.reviewDate !== null && task.reviewDate <= week[6]!;
      const tight = r.fit === "tighter" && heldFor >= TIGHT_FOR_DAYS;
      return {
        id: task.id,
        title: task.title,
        personId: task.personId,
        personName,
        reviewDate: task.reviewDate,
        reviewDue,
        overdue: r.reviewOverdue,
        tight,
        level: r.level.label,
        suggested: r.suggested.label,
      };
    })
    .filter((t) => t.reviewDue || t.tight);

  const thisWeek = overview.upcoming.filter((m) => clock.dayOf(m.scheduledAt) <= week[6]!);
  const due = overview.people.filter((p) => p.due.state === "overdue" || (p.due.state === "due" && p.due.dueDay <= week[6]!));

  return {
    today: clock.today,
    weekStart: week[0]!,
    people: overview.people.length,
    oneOnOnes: {
      due: due.slice(0, LIMIT).map((p) => ({ id: p.id, name: p.name, track: p.track, due: p.due })),
      dueCount: due.length,
      booked: thisWeek.slice(0, LIMIT),
      held: heldThisWeek.slice(0, LIMIT),
    },
    // Already the first LIMIT in trouble, in SQL (listTroubleNearMe).
    targets: targets.map((t) => ({ id: t.id, title: t.title, health: t.health, dueDate: t.dueDate, owners: t.owners.map((o) => o.name) })),
    delegation: { items: flagged.slice(0, LIMIT), count: flagged.length },
    actions: {
      mine: actionRows.filter((a) => a.assignee === "me").slice(0, LIMIT),
      theirsOverdue: actionRows.filter((a) => a.assignee === "them").slice(0, LIMIT),
    },
    handovers,
    pulls,
    capacity: { plan: plan.plan, availableHours: plan.settings.availableHours, energy: plan.energy.average },
  };
}

/**
 * The open tasks Home might flag: a review due by the end of the week, or a
 * level tighter than suggested and unchanged for about TIGHT_FOR_DAYS. The
 * database keeps only those (a superset: the exact day count, in the user's
 * time zone, is checked by the caller), so Home does not read every open task
 * of a large account. Which combinations are "tighter" comes from the
 * suggestion rule itself (tighterCombinations).
 */
function flaggableTasks(db: Db, actor: Actor, levels: LevelRef[], weekEnd: string, now: Date) {
  const heldSince = new Date(now.getTime() - (TIGHT_FOR_DAYS - 1) * 86_400_000);
  const combination = sql<string>`${tasks.competency} || ':' || ${tasks.criticality} || ':' || ${tasks.levelId}`;
  return db
    .select({ task: tasks, personName: people.name, levelSince })
    .from(tasks)
    .innerJoin(people, and(eq(people.id, tasks.personId), eq(people.orgId, tasks.orgId)))
    .where(
      inScope(
        tasks,
        actor,
        // The levels the actor holds: a skip-level sees their subtree's tasks, but reviews only their own.
        eq(tasks.delegatorPersonId, actor.personId),
        eq(tasks.status, "open"),
        isNull(people.archivedAt),
        or(
          lte(tasks.reviewDate, weekEnd),
          and(inArray(combination, tighterCombinations(levels)), sql`${levelSince} <= ${heldSince.toISOString()}::timestamptz`),
        ),
      ),
    )
    .orderBy(asc(tasks.reviewDate));
}
