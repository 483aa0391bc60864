import { and, asc, count, eq, gte, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { actionItems, oneOnOnes, people, spectrumLevels, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { levelSince } from "../delegation/tasks.read";
import { listTargets } from "../targets/targets.read";
import { levelSinceDay } from "@/lib/delegation/review";
import { openActions } from "@/lib/one-on-ones/agenda";

/**
 * Reads: Home from the report's side, for a member with no reports of their
 * own (DESIGN.md, "Organisations and who sees what"). Their next 1:1 with
 * their manager, the open actions on both sides, the targets they own and the
 * delegation levels their manager holds for their tasks. Read only: the
 * report's writes come with the next issue. Everything is read through the
 * policy (inScope), as seen by the report: a private note never shows here,
 * and a task's ratings only when the delegator shares them.
 */

/**
 * Which Home the actor lands on: their own view when nobody reports to them
 * and they report to someone, the manager's week otherwise. A top person with
 * no reports yet (a new sign-up) gets the manager's Home, with its first steps
 * (add people, load the demo), not an empty report's view. Two queries.
 */
export async function homeKind(db: Db, actor: Actor): Promise<{ kind: "team" | "own"; reports: number }> {
  const [[row], [me]] = await Promise.all([
    db
      .select({ n: count() })
      .from(people)
      .where(inScope(people, actor, eq(people.managerId, actor.personId), isNull(people.archivedAt))),
    db
      .select({ managerId: people.managerId })
      .from(people)
      .where(inScope(people, actor, eq(people.id, actor.personId)))
      .limit(1),
  ]);
  const reports = row?.n ?? 0;
  return { kind: reports === 0 && me?.managerId ? "own" : "team", reports };
}

/** How many open actions the report's Home lists per side; the rest are counted. */
const ACTIONS_LISTED = 20;

/** The report's Home. Six queries (and the targets' own four), whatever the history. */
export async function myHome(db: Db, actor: Actor, now = new Date()) {
  const clock = await userClock(db, actor, now);
  // As the overview's "booked from today": one booked for earlier today, not held yet, is still the next.
  const fromToday = now.getTime() - 86_400_000;
  const [[me], [next], actions, ownTargets, taskRows] = await Promise.all([
    db
      .select({ id: people.id, name: people.name, managerId: people.managerId })
      .from(people)
      .where(inScope(people, actor, eq(people.id, actor.personId)))
      .limit(1),
    db
      .select({
        id: oneOnOnes.id,
        scheduledAt: oneOnOnes.scheduledAt,
        managerPersonId: oneOnOnes.managerPersonId,
        managerName: people.name,
      })
      .from(oneOnOnes)
      .innerJoin(people, and(eq(people.id, oneOnOnes.managerPersonId), eq(people.orgId, oneOnOnes.orgId)))
      .where(
        inScope(
          oneOnOnes,
          actor,
          eq(oneOnOnes.personId, actor.personId),
          eq(oneOnOnes.status, "scheduled"),
          gte(oneOnOnes.scheduledAt, new Date(fromToday)),
        ),
      )
      .orderBy(asc(oneOnOnes.scheduledAt))
      .limit(1),
    db
      .select()
      .from(actionItems)
      .where(inScope(actionItems, actor, eq(actionItems.personId, actor.personId), isNull(actionItems.doneAt)))
      .orderBy(sql`${actionItems.dueDate} asc nulls last`, asc(actionItems.createdAt))
      .limit(500),
    listTargets(db, actor, { personId: actor.personId }, now),
    db
      .select({
        id: tasks.id,
        title: tasks.title,
        status: tasks.status,
        reviewDate: tasks.reviewDate,
        createdAt: tasks.createdAt,
        ratingsShared: tasks.ratingsShared,
        competency: tasks.competency,
        criticality: tasks.criticality,
        level: spectrumLevels.label,
        meaning: spectrumLevels.meaning,
        autonomy: spectrumLevels.autonomy,
        delegatorName: people.name,
        levelSince,
      })
      .from(tasks)
      .innerJoin(spectrumLevels, and(eq(spectrumLevels.id, tasks.levelId), eq(spectrumLevels.orgId, tasks.orgId)))
      .innerJoin(people, and(eq(people.id, tasks.delegatorPersonId), eq(people.orgId, tasks.orgId)))
      .where(inScope(tasks, actor, eq(tasks.personId, actor.personId), eq(tasks.status, "open")))
      .orderBy(asc(tasks.title))
      .limit(200),
  ]);

  const manager = me?.managerId
    ? ((
        await db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inScope(people, actor, eq(people.id, me.managerId)))
          .limit(1)
      )[0] ?? null)
    : null;

  // `assignee` is from the manager's side: "them" is the report (you), "me" the manager.
  const open = openActions(actions, clock.today);
  const side = (rows: typeof open.mine) =>
    rows
      .slice(0, ACTIONS_LISTED)
      .map((a) => ({ id: a.id, title: a.title, dueDate: a.dueDate, overdue: a.overdue, oneOnOneId: a.oneOnOneId }));

  return {
    today: clock.today,
    timeZone: clock.timeZone,
    manager,
    nextOneOnOne: next ? { id: next.id, scheduledAt: next.scheduledAt, withName: next.managerName } : null,
    actions: {
      yours: side(open.theirs),
      yoursCount: open.theirs.length,
      theirs: side(open.mine),
      theirsCount: open.mine.length,
    },
    targets: ownTargets
      .filter((t) => t.status === "active" || t.status === "draft")
      .map((t) => ({
        id: t.id,
        title: t.title,
        kind: t.kind,
        status: t.status,
        dueDate: t.dueDate,
        health: t.health,
        progress: t.progress,
        // The other owners: the pair partner, say.
        with: t.owners.filter((o) => o.id !== actor.personId).map((o) => o.name),
      })),
    // The level and since when; the ratings behind the suggestion only when the delegator shares them.
    levels: taskRows.map(({ ratingsShared, competency, criticality, levelSince: since, createdAt, ...task }) => ({
      ...task,
      since: levelSinceDay(since, createdAt, clock.dayOf),
      ratings: ratingsShared ? { competency, criticality } : null,
    })),
  };
}

export type MyHome = Awaited<ReturnType<typeof myHome>>;
