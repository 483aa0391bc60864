import { and, asc, desc, eq, getTableName, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { levelChanges, levelProposals, people, targets, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope, loadUnderMe } from "../kernel/access";
import { userClock } from "../kernel/clock";
import { getActiveSpectrum } from "./spectrums.read";
import { review, seenBy, type Reviewed, type SeenTask } from "@/lib/delegation/review";
import { autonomyTrends } from "./autonomy-trend.read";
import { tasksToCsv } from "@/lib/delegation/csv";
import { delegationFlag, spectrumSwitchedReason, TASK_CREATED_REASON } from "@/lib/delegation/flag";
import { groupBy } from "@/lib/group-by";
import type { overviewInput, personTasksInput } from "@/lib/validators/delegation";

/**
 * Reads: a task's history, a person's delegation review, the overview across
 * reports and the CSV export. Nothing here writes. "Today" (is a review
 * overdue?) is the user's day, as on Home and the prep page.
 */

export type ReviewedTask = Reviewed<typeof tasks.$inferSelect>;
/** A reviewed task as the actor sees it: without its ratings when they are hidden from them (lib/delegation/review.ts, seenBy). */
export type SeenReviewedTask = SeenTask<typeof tasks.$inferSelect>;

/** A task's target, joined in the same organisation (its title shows beside the task). */
const targetOfTask = and(eq(targets.id, tasks.targetId), eq(targets.orgId, tasks.orgId));

export async function taskHistory(db: Db, actor: Actor, id: string) {
  await loadInScope(db, actor, tasks, id, "Task");
  return db
    .select()
    .from(levelChanges)
    .where(inScope(levelChanges, actor, eq(levelChanges.taskId, id)))
    .orderBy(desc(levelChanges.at));
}

/**
 * A person's delegation review: open tasks with current and suggested levels
 * side by side, flagged when held tighter or looser than suggested, or when
 * the review date has passed. By default the tasks the actor delegates (the
 * review is the delegator's); with `all`, every task of the person the actor
 * may see (a skip-level's view); a person's own review shows all of theirs.
 * A fixed number of queries, whatever the count.
 */
export async function reviewPerson(db: Db, actor: Actor, { personId, all }: z.output<typeof personTasksInput>, now = new Date()) {
  // Someone's tasks are seen by them and the line above them (DESIGN), not by the rest of the organisation.
  const { id, name, track, level } = await loadUnderMe(db, actor, personId);
  const [clock, spectrum, desired, rows] = await Promise.all([
    userClock(db, actor, now),
    getActiveSpectrum(db, actor),
    openProposalsOf(db, actor, personId),
    db
      .select({ task: tasks, targetTitle: targets.title, levelReason })
      .from(tasks)
      .leftJoin(targets, targetOfTask)
      .where(
        inScope(
          tasks,
          actor,
          eq(tasks.personId, personId),
          all || personId === actor.personId ? undefined : eq(tasks.delegatorPersonId, actor.personId),
        ),
      )
      .orderBy(asc(tasks.status), asc(tasks.title)),
  ]);
  return {
    person: { id, name, track, level },
    spectrum,
    tasks: rows.map((r) => {
      const proposal = desired.get(r.task.id);
      const seen: SeenReviewedTask = seenBy(actor.personId, review(r.task, r.targetTitle, spectrum.levels, clock.today));
      // Current, suggested and desired side by side (Management 3.0's delegation board): desired is the delegatee's open proposal.
      return {
        ...seen,
        // Only beside a suggestion the viewer may see (the ratings decide it).
        flag: seen.suggested && seen.fit ? delegationFlag(seen.level, seen.suggested, r.levelReason) : null,
        desired: proposal
          ? {
              proposalId: proposal.id,
              level: { id: proposal.toLevelId, label: proposal.toLabel, autonomy: proposal.toAutonomy },
              reason: proposal.reason,
              stale: proposal.fromLevelId !== r.task.levelId,
              proposedAt: proposal.createdAt,
            }
          : null,
      };
    }),
  };
}

/**
 * When a task got its current level: the time of its latest level change (one
 * index lookup per task). The outer task's columns are named with their table
 * on purpose: Drizzle leaves column names bare in a one-table select, and a
 * bare "id" inside this subquery would mean level_changes.id. Only the task id
 * is matched: the same-owner foreign key already ties a level change to its
 * task's owner, and an org_id condition led the planner to AND in the owner
 * index, reading every level change for each task.
 */
const taskColumn = (column: string) => sql`${sql.identifier(getTableName(tasks))}.${sql.identifier(column)}`;
export const levelSince =
  sql<Date | null>`(select max(lc.at) from ${levelChanges} as lc where lc.task_id = ${taskColumn("id")} and lc.org_id = ${taskColumn("org_id")})`.mapWith(
    levelChanges.at,
  );

/**
 * The reason of a task's latest level change (one backward step on
 * level_changes_task_at_idx per task, as levelSince): whether a level beyond
 * the suggestion was set on purpose (lib/delegation/flag.ts).
 */
export const levelReason = sql<
  string | null
>`(select lc.reason from ${levelChanges} as lc where lc.task_id = ${taskColumn("id")} and lc.org_id = ${taskColumn("org_id")} order by lc.at desc limit 1)`;

/**
 * Across reports: for each active person, how many open tasks sit at each
 * level (the matrix), their flags, and their average autonomy by month. By
 * default the tasks the actor delegates, with `all` every task they may see.
 * Bounded whatever the size of the account: the tasks are counted in SQL by
 * what decides their flags (level, ratings, a reason given, review overdue),
 * the trend comes from the months kept in autonomy_months (people × months
 * rows) and the few level changes near a month's start (autonomy-trend.read.ts),
 * and only the people in the result are read. Five queries (and the spectrum,
 * and the user's zone).
 */
export async function delegationOverview(db: Db, actor: Actor, input: z.output<typeof overviewInput> = {}, now = new Date()) {
  const all = input?.all ?? false;
  // By default the tasks the actor delegates; with `all`, every task they may see (the line above sees their subtree's).
  const mine = all ? undefined : eq(tasks.delegatorPersonId, actor.personId);
  const [clock, spectrum] = await Promise.all([userClock(db, actor, now), getActiveSpectrum(db, actor)]);
  const [groups, trends] = await Promise.all([
    db
      .select({
        personId: tasks.personId,
        levelId: tasks.levelId,
        competency: tasks.competency,
        criticality: tasks.criticality,
        // seenBy's rule: the delegatee alone, unless the delegator shares them, does not see the ratings (nor the flags they give).
        ratingsHidden: sql<boolean>`(${tasks.delegatorPersonId} <> ${actor.personId} and ${tasks.personId} = ${actor.personId} and not ${tasks.ratingsShared})`,
        reasonGiven: sql<boolean>`coalesce(${givenReasonSql(levelReason)}, false)`,
        reviewOverdue: sql<boolean>`coalesce(${tasks.reviewDate} < ${clock.today}::date, false)`,
        n: sql<number>`count(*)::int`,
      })
      .from(tasks)
      .where(inScope(tasks, actor, eq(tasks.status, "open"), mine))
      .groupBy(sql`1, 2, 3, 4, 5, 6, 7`),
    autonomyTrends(db, actor, all, clock.dayOf, clock.timeZone),
  ]);
  const ids = [...new Set([...groups.map((g) => g.personId), ...trends.keys()])];
  const peopleRows = ids.length
    ? await db
        .select({ id: people.id, name: people.name, track: people.track })
        .from(people)
        .where(inScope(people, actor, isNull(people.archivedAt), inArray(people.id, ids)))
        .orderBy(asc(people.name))
    : [];
  const groupsOf = groupBy(
    groups.map((g) => {
      const reviewed = review({ ...g, status: "open" as const, reviewDate: null }, null, spectrum.levels, clock.today);
      // The flag of the task's level beside the suggestion (the reason counts only as given or not: GIVEN stands for one).
      const flag = g.ratingsHidden ? null : delegationFlag(reviewed.level, reviewed.suggested, g.reasonGiven ? GIVEN : null);
      return { ...g, level: reviewed.level, flag };
    }),
    (g) => g.personId,
  );
  const rows = peopleRows
    .map((p) => {
      const mine = groupsOf.get(p.id) ?? [];
      const count = (keep: (g: (typeof mine)[number]) => boolean) => mine.reduce((n, g) => n + (keep(g) ? g.n : 0), 0);
      const n = count(() => true);
      return {
        ...p,
        counts: spectrum.levels.map((l) => count((g) => g.levelId === l.id)),
        tasks: n,
        tighter: count((g) => g.flag?.kind === "tighter"),
        /** Beyond the suggestion without a reason recorded: worth a look. */
        looser: count((g) => g.flag?.kind === "beyond"),
        /** Beyond the suggestion with a reason: a decision, shown neutrally. */
        beyondOnPurpose: count((g) => g.flag?.kind === "beyond-on-purpose"),
        overdueReviews: count((g) => g.reviewOverdue),
        averageAutonomy: n ? mine.reduce((s, g) => s + g.level.autonomy * g.n, 0) / n : null,
        trend: trends.get(p.id) ?? [],
      };
    })
    .filter((p) => p.tasks > 0 || p.trend.length > 0);
  return { spectrum, people: rows };
}

/** Any reason someone gave (lib/delegation/flag.ts givenReason): the overview counts reasons, it does not show them. */
const GIVEN = "given";

/**
 * givenReason in SQL, for counting in the database: a reason that is not
 * blank and not one the app wrote (the task's creation, a spectrum switch).
 * Null for no reason. The texts come from flag.ts, so the two stay one rule.
 */
function givenReasonSql(reason: SQL) {
  // The latest change's reason is looked up once (a derived row), then tested.
  return sql<boolean>`(select (x.r <> '' and x.r <> ${TASK_CREATED_REASON} and not starts_with(x.r, ${spectrumSwitchedReason("")})) from (select regexp_replace(${reason}, '^\\s+|\\s+$', '', 'g') as r) as x)`;
}

/** Every task with its person, current and suggested levels, as CSV. Two queries (and the spectrum, and the user's zone). */
export async function tasksCsv(db: Db, actor: Actor, now = new Date()) {
  const [clock, spectrum, rows] = await Promise.all([
    userClock(db, actor, now),
    getActiveSpectrum(db, actor),
    db
      .select({ task: tasks, person: people.name, target: targets.title })
      .from(tasks)
      .innerJoin(people, and(eq(people.id, tasks.personId), eq(people.orgId, tasks.orgId)))
      .leftJoin(targets, targetOfTask)
      .where(inScope(tasks, actor))
      .orderBy(asc(people.name), asc(tasks.title)),
  ]);
  return tasksToCsv(
    rows.map((r) => {
      const t = seenBy(actor.personId, review(r.task, r.target, spectrum.levels, clock.today));
      return {
        person: r.person,
        title: t.title,
        status: t.status,
        level: t.level.label,
        suggested: t.suggested?.label ?? null,
        fit: t.fit,
        competency: t.competency,
        criticality: t.criticality,
        reviewDate: t.reviewDate,
        target: r.target,
      };
    }),
  );
}

/** The open proposal of each of a person's tasks the actor may see: the review's "desired" level. One query. */
export async function openProposalsOf(db: Db, actor: Actor, personId: string) {
  const rows = await db
    .select({
      id: levelProposals.id,
      taskId: levelProposals.taskId,
      fromLevelId: levelProposals.fromLevelId,
      toLevelId: levelProposals.toLevelId,
      toLabel: levelProposals.toLabel,
      toAutonomy: levelProposals.toAutonomy,
      reason: levelProposals.reason,
      createdAt: levelProposals.createdAt,
    })
    .from(levelProposals)
    .innerJoin(tasks, and(eq(tasks.id, levelProposals.taskId), eq(tasks.orgId, levelProposals.orgId)))
    .where(inScope(levelProposals, actor, eq(levelProposals.status, "open"), eq(tasks.personId, personId)));
  return new Map(rows.map((r) => [r.taskId, r]));
}
