import { asc, desc, eq, getTableName, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { levelChanges, people, targets, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { fieldError, notFound } from "../kernel/errors";
import { ownedBy } from "../kernel/scope";
import { saveVersioned, staleVersion } from "../kernel/versioned";
import { activeLevel, getActiveSpectrum, holdLevel } from "./spectrums";
import { fitOf, suggestLevel, type Fit } from "@/lib/delegation/suggestion";
import { countBy, groupBy } from "@/lib/group-by";
import { createTaskInput, personTasksInput, setLevelInput, updateTaskInput, type CreateTaskInput, type UpdateTaskInput } from "@/lib/validators/delegation";
import type { z } from "zod";
import { tasksToCsv } from "@/lib/delegation/csv";

async function checkPersonAndTarget(db: Db, actor: Actor, personId: string | null, targetId: string | null) {
  if (personId) {
    const [person] = await db.select({ archivedAt: people.archivedAt }).from(people).where(ownedBy(people, actor, eq(people.id, personId)));
    if (!person) throw fieldError("NOT_FOUND", "personId", "That person is not in your organisation.");
    if (person.archivedAt) throw fieldError("BAD_REQUEST", "personId", "That person is archived.");
  }
  if (targetId) {
    const [target] = await db.select({ id: targets.id }).from(targets).where(ownedBy(targets, actor, eq(targets.id, targetId)));
    if (!target) throw fieldError("NOT_FOUND", "targetId", "That target is not yours.");
  }
}

async function getOwnedTask(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(tasks).where(ownedBy(tasks, actor, eq(tasks.id, id))).limit(1);
  if (!row) throw notFound("Task");
  return row;
}

/** A new task; without a level, the suggested one. Its first level is the start of its history. */
export async function createTask(db: Db, actor: Actor, raw: CreateTaskInput) {
  const input = createTaskInput.parse(raw);
  await checkPersonAndTarget(db, actor, input.personId, input.targetId);
  const spectrum = await getActiveSpectrum(db, actor);
  const level = input.levelId ? await activeLevel(db, actor, input.levelId) : suggestLevel(spectrum.levels, input.competency, input.criticality).level;
  return db.transaction(async (tx) => {
    await holdLevel(tx, actor, level.id);
    const [row] = await tx.insert(tasks).values({ ownerId: actor.userId, ...input, levelId: level.id }).returning();
    await tx.insert(levelChanges).values({ ownerId: actor.userId, taskId: row!.id, toLabel: level.label, toAutonomy: level.autonomy, reason: "Task created" });
    return row!;
  });
}

export async function updateTask(db: Db, actor: Actor, raw: UpdateTaskInput) {
  const { id, version, ...input } = updateTaskInput.parse(raw);
  if ((await getOwnedTask(db, actor, id)).version !== version) throw staleVersion("task");
  await checkPersonAndTarget(db, actor, null, input.targetId);
  return saveVersioned(db, tasks, { where: ownedBy(tasks, actor, eq(tasks.id, id)), version, set: { ...input, updatedAt: new Date() }, what: "task" });
}

export async function deleteTask(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(tasks).where(ownedBy(tasks, actor, eq(tasks.id, id))).returning();
  if (!row) throw notFound("Task");
  return row;
}

/** Changes a task's level, keeping the change (from, to, when, why). */
export async function setTaskLevel(db: Db, actor: Actor, raw: z.input<typeof setLevelInput>) {
  const { id, levelId, reason } = setLevelInput.parse(raw);
  const task = await getOwnedTask(db, actor, id);
  const spectrum = await getActiveSpectrum(db, actor);
  const to = await activeLevel(db, actor, levelId);
  if (to.id === task.levelId) return task;
  const from = spectrum.levels.find((l) => l.id === task.levelId);
  return db.transaction(async (tx) => {
    await holdLevel(tx, actor, to.id);
    const [row] = await tx.update(tasks).set({ levelId: to.id, updatedAt: new Date() }).where(ownedBy(tasks, actor, eq(tasks.id, id))).returning();
    await tx.insert(levelChanges).values({
      ownerId: actor.userId,
      taskId: id,
      fromLabel: from?.label ?? null,
      fromAutonomy: from?.autonomy ?? null,
      toLabel: to.label,
      toAutonomy: to.autonomy,
      reason,
    });
    return row!;
  });
}

export async function taskHistory(db: Db, actor: Actor, id: string) {
  await getOwnedTask(db, actor, id);
  return db.select().from(levelChanges).where(ownedBy(levelChanges, actor, eq(levelChanges.taskId, id))).orderBy(desc(levelChanges.at));
}

export type ReviewedTask = typeof tasks.$inferSelect & {
  level: { id: string; label: string; autonomy: number };
  suggested: { id: string; label: string; autonomy: number };
  reason: string;
  fit: Fit;
  reviewOverdue: boolean;
  targetTitle: string | null;
};

/**
 * A person's delegation review: open tasks with current and suggested levels
 * side by side, flagged when held tighter or looser than suggested, or when
 * the review date has passed. A fixed number of queries, whatever the count.
 */
export async function reviewPerson(db: Db, actor: Actor, raw: z.input<typeof personTasksInput>, today = new Date().toISOString().slice(0, 10)) {
  const { personId } = personTasksInput.parse(raw);
  const [person] = await db.select({ id: people.id, name: people.name, track: people.track, level: people.level }).from(people).where(ownedBy(people, actor, eq(people.id, personId)));
  if (!person) throw notFound("Person");
  const spectrum = await getActiveSpectrum(db, actor);
  const rows = await db
    .select({ task: tasks, targetTitle: targets.title })
    .from(tasks)
    .leftJoin(targets, eq(targets.id, tasks.targetId))
    .where(ownedBy(tasks, actor, eq(tasks.personId, personId)))
    .orderBy(asc(tasks.status), asc(tasks.title));
  return { person, spectrum, tasks: rows.map((r) => review(r.task, r.targetTitle, spectrum.levels, today)) };
}

/**
 * When a task got its current level: the time of its latest level change (one
 * index lookup per task). The outer task's columns are named with their table
 * on purpose: Drizzle leaves column names bare in a one-table select, and a
 * bare "id" inside this subquery would mean level_changes.id. Only the task id
 * is matched: the same-owner foreign key already ties a level change to its
 * task's owner, and an owner_id condition led the planner to AND in the owner
 * index, reading every level change for each task.
 */
const taskColumn = (column: string) => sql`${sql.identifier(getTableName(tasks))}.${sql.identifier(column)}`;
export const levelSince = sql<Date | null>`(select max(lc.at) from ${levelChanges} as lc where lc.task_id = ${taskColumn("id")})`.mapWith(levelChanges.at);

/** A task beside the active spectrum: its level, the suggested one and why, the fit, and whether its review is overdue. */
export function review(task: typeof tasks.$inferSelect, targetTitle: string | null, levels: { id: string; label: string; autonomy: number }[], today: string): ReviewedTask {
  const level = levels.find((l) => l.id === task.levelId) ?? { id: task.levelId, label: "?", autonomy: 0 };
  const { level: suggested, reason } = suggestLevel(levels, task.competency, task.criticality);
  return {
    ...task,
    targetTitle,
    level,
    suggested,
    reason,
    fit: fitOf(level, suggested),
    reviewOverdue: task.status === "open" && task.reviewDate !== null && task.reviewDate < today,
  };
}

/**
 * Across reports: for each active person, how many open tasks sit at each
 * level (the matrix), their flags, and their average autonomy by month from
 * the level history. Four queries whatever the numbers.
 */
export async function delegationOverview(db: Db, actor: Actor, today = new Date().toISOString().slice(0, 10)) {
  const spectrum = await getActiveSpectrum(db, actor);
  const [peopleRows, taskRows, history] = await Promise.all([
    db.select({ id: people.id, name: people.name, track: people.track }).from(people).where(ownedBy(people, actor, isNull(people.archivedAt))).orderBy(asc(people.name)),
    db.select().from(tasks).where(ownedBy(tasks, actor, eq(tasks.status, "open"))),
    db
      .select({ taskId: levelChanges.taskId, personId: tasks.personId, at: levelChanges.at, autonomy: levelChanges.toAutonomy })
      .from(levelChanges)
      .innerJoin(tasks, eq(tasks.id, levelChanges.taskId))
      .where(ownedBy(levelChanges, actor))
      .orderBy(asc(levelChanges.at)),
  ]);
  // Grouped by person once: filtering the whole account for each person was
  // quadratic, and the slowest part of this page on a large account.
  const tasksOf = groupBy(taskRows.map((t) => review(t, null, spectrum.levels, today)), (t) => t.personId);
  const historyOf = groupBy(history, (h) => h.personId);
  const rows = peopleRows
    .map((p) => {
      const mine = tasksOf.get(p.id) ?? [];
      const perLevel = countBy(mine, (t) => t.levelId);
      return {
        ...p,
        counts: spectrum.levels.map((l) => perLevel.get(l.id) ?? 0),
        tasks: mine.length,
        tighter: mine.filter((t) => t.fit === "tighter").length,
        looser: mine.filter((t) => t.fit === "looser").length,
        overdueReviews: mine.filter((t) => t.reviewOverdue).length,
        averageAutonomy: mine.length ? mine.reduce((s, t) => s + t.level.autonomy, 0) / mine.length : null,
        trend: monthlyAutonomy(historyOf.get(p.id) ?? []),
      };
    })
    .filter((p) => p.tasks > 0 || p.trend.length > 0);
  return { spectrum, people: rows };
}

/** Each task's level at the end of each month with a change, averaged per month. */
function monthlyAutonomy(changes: { taskId: string; at: Date; autonomy: number }[]) {
  const current = new Map<string, number>();
  const byMonth: { month: string; average: number }[] = [];
  for (const change of changes) {
    current.set(change.taskId, change.autonomy);
    const month = change.at.toISOString().slice(0, 7);
    const average = [...current.values()].reduce((a, b) => a + b, 0) / current.size;
    const last = byMonth.at(-1);
    if (last?.month === month) last.average = average;
    else byMonth.push({ month, average });
  }
  return byMonth;
}

/** Every task with its person, current and suggested levels, as CSV. Two queries (and the spectrum). */
export async function tasksCsv(db: Db, actor: Actor, today = new Date().toISOString().slice(0, 10)) {
  const spectrum = await getActiveSpectrum(db, actor);
  const rows = await db
    .select({ task: tasks, person: people.name, target: targets.title })
    .from(tasks)
    .innerJoin(people, eq(people.id, tasks.personId))
    .leftJoin(targets, eq(targets.id, tasks.targetId))
    .where(ownedBy(tasks, actor))
    .orderBy(asc(people.name), asc(tasks.title));
  return tasksToCsv(
    rows.map((r) => {
      const t = review(r.task, r.target, spectrum.levels, today);
      return { person: r.person, title: t.title, status: t.status, level: t.level.label, suggested: t.suggested.label, fit: t.fit, competency: t.competency, criticality: t.criticality, reviewDate: t.reviewDate, target: r.target };
    }),
  );
}
