import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { levelChanges, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach, loadInScope, requireReferences } from "../kernel/access";
import { userToday } from "../kernel/clock";
import { AppError, fieldError, notFound } from "../kernel/errors";
import { saveVersioned, staleVersion } from "../kernel/versioned";
import { holdLevel } from "./spectrums.write";
import { refreshAutonomyMonths } from "./autonomy-months.write";
import { activeLevel, getActiveSpectrum } from "./spectrums.read";
import { reviewDateProblem } from "@/lib/delegation/review-date";
import { TASK_CREATED_REASON } from "@/lib/delegation/flag";
import { suggestLevel } from "@/lib/delegation/suggestion";
import type { createTaskInput, setLevelInput, updateTaskInput } from "@/lib/validators/delegation";

/** Writes: delegated tasks and their level changes (reads in tasks.read.ts). */

/**
 * A new task, delegated by the actor to someone below them in the chart; without
 * a level, the suggested one. Its first level is the start of its history.
 */
export async function createTask(db: Db, actor: Actor, input: z.output<typeof createTaskInput>) {
  await requireReferences(db, actor, "delegatee", "personId", input.personId);
  const pastReview = reviewDateProblem(input.reviewDate, await userToday(db, actor));
  if (pastReview) throw fieldError("BAD_REQUEST", "reviewDate", pastReview);
  await requireReferences(db, actor, "target", "targetId", input.targetId);
  const spectrum = await getActiveSpectrum(db, actor);
  const level = input.levelId
    ? await activeLevel(db, actor, input.levelId)
    : suggestLevel(spectrum.levels, input.competency, input.criticality).level;
  return db.transaction(async (tx) => {
    await holdLevel(tx, actor, level.id);
    const [row] = await tx
      .insert(tasks)
      .values({ orgId: actor.orgId, delegatorPersonId: actor.personId, ...input, levelId: level.id })
      .returning();
    await tx
      .insert(levelChanges)
      .values({ orgId: actor.orgId, taskId: row!.id, toLabel: level.label, toAutonomy: level.autonomy, reason: TASK_CREATED_REASON });
    await refreshAutonomyMonths(tx, actor.orgId, [row!.personId]);
    return row!;
  });
}

export async function updateTask(db: Db, actor: Actor, { id, version, ...input }: z.output<typeof updateTaskInput>) {
  const saved = await loadInScope(db, actor, tasks, id, "Task", "change");
  if (saved.version !== version) throw staleVersion("task");
  const pastReview = reviewDateProblem(input.reviewDate, await userToday(db, actor), saved.reviewDate);
  if (pastReview) throw fieldError("BAD_REQUEST", "reviewDate", pastReview);
  await requireReferences(db, actor, "target", "targetId", input.targetId);
  return saveVersioned(db, tasks, {
    where: inReach(tasks, actor, eq(tasks.id, id)),
    version,
    set: { ...input, updatedAt: new Date() },
    what: "task",
  });
}

/** Deletes a task with its history (cascade), which leaves the delegatee's autonomy trend too. */
export async function deleteTask(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(tasks)
      .where(inReach(tasks, actor, eq(tasks.id, id)))
      .returning();
    if (!row) throw notFound("Task");
    await refreshAutonomyMonths(tx, actor.orgId, [row.personId]);
    return row;
  });
}

/** Changes a task's level, keeping the change (from, to, when, why). */
export async function setTaskLevel(db: Db, actor: Actor, { id, levelId, reason }: z.output<typeof setLevelInput>) {
  const task = await loadInScope(db, actor, tasks, id, "Task", "change");
  const to = await activeLevel(db, actor, levelId);
  if (to.id === task.levelId) return task;
  return db.transaction(async (tx) => {
    const row = await moveLevel(tx, actor, task, to, reason);
    if (!row) throw new AppError("CONFLICT", "This task's level was changed elsewhere just now: look at it again, then change it.");
    return row;
  });
}

type LevelOf = { id: string; label: string; autonomy: number };

/**
 * Inside a transaction: points the task (one the actor delegates) at `to` and
 * keeps the change in its history, only if the task still holds the level it
 * was read at (`task.levelId`); null when it moved meanwhile (the caller says
 * CONFLICT). With `keepSame`, a level that stays the same is recorded too (a
 * poker round that agreed on the current level).
 */
export async function moveLevel(
  tx: Db,
  actor: Actor,
  task: { id: string; levelId: string },
  to: LevelOf,
  reason: string | null,
  options: { keepSame?: boolean } = {},
) {
  if (to.id === task.levelId && !options.keepSame) return null;
  const spectrum = await getActiveSpectrum(tx, actor);
  const from = spectrum.levels.find((l) => l.id === task.levelId);
  await holdLevel(tx, actor, to.id);
  const [row] = await tx
    .update(tasks)
    .set({ levelId: to.id, updatedAt: new Date() })
    .where(inReach(tasks, actor, eq(tasks.id, task.id), eq(tasks.levelId, task.levelId)))
    .returning();
  if (!row) return null;
  await tx.insert(levelChanges).values({
    orgId: actor.orgId,
    taskId: task.id,
    fromLabel: from?.label ?? null,
    fromAutonomy: from?.autonomy ?? null,
    toLabel: to.label,
    toAutonomy: to.autonomy,
    reason,
  });
  await refreshAutonomyMonths(tx, actor.orgId, [row.personId]);
  return row;
}
