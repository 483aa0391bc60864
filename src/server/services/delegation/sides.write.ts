import { notify } from "../inbox/notify.write";
import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { levelProposals, people, pokerItems, pokerRounds, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach, inScope, requireReferences } from "../kernel/access";
import { delegatedTask } from "../kernel/access";
import { AppError, fieldError, notFound } from "../kernel/errors";
import { isUniqueViolation } from "../kernel/db-errors";
import { activeLevel, getActiveSpectrum } from "./spectrums.read";
import { moveLevel } from "./tasks.write";
import { agreeRefusal, pickRefusal, pokerAgreedReason, sideOf, type PokerItemFacts } from "@/lib/delegation/poker";
import type { decideProposalInput, pokerAgreeInput, pokerPickInput, proposeLevelInput, startPokerInput } from "@/lib/validators/delegation";
import { pokerRound } from "./sides.read";

/**
 * Writes: delegation seen from both sides (DESIGN.md, "Organisations and who
 * sees what": the delegatee sees their task and proposes a level; the
 * delegator holds it). A proposal from the delegatee, answered by the
 * delegator; and delegation poker, played by the two. Reads in sides.read.ts.
 */

/** The task as the actor's delegatee side, or NOT_FOUND (a task of someone else's is as missing as no task). */
async function myDelegatedTask(db: Db, actor: Actor, taskId: string) {
  const [task] = await db
    .select()
    .from(tasks)
    .where(inScope(tasks, actor, eq(tasks.id, taskId), eq(tasks.personId, actor.personId)))
    .limit(1);
  if (!task) throw notFound("Task");
  return task;
}

const levelMoved = (label: string) =>
  fieldError(
    "CONFLICT",
    "levelId",
    `The level of this task changed since you opened it: it is now ${label}. Nothing was sent; look at it again and propose from there.`,
  );

/** The delegatee proposes a level for their task, with why. One open proposal per task; a stale page (the level moved) is refused. */
export async function proposeLevel(db: Db, actor: Actor, input: z.output<typeof proposeLevelInput>) {
  const task = await myDelegatedTask(db, actor, input.taskId);
  if (task.status !== "open") throw new AppError("BAD_REQUEST", "This task is done: there is no level to propose for it.");
  const spectrum = await getActiveSpectrum(db, actor);
  const current = spectrum.levels.find((l) => l.id === task.levelId);
  if (task.levelId !== input.fromLevelId) {
    // Another organisation's level is as unknown as a missing one; a level of ours the task left is a stale page.
    await requireReferences(db, actor, "level", "fromLevelId", input.fromLevelId);
    throw levelMoved(current?.label ?? "another level");
  }
  const to = await activeLevel(db, actor, input.levelId);
  if (to.id === task.levelId) throw fieldError("BAD_REQUEST", "levelId", `The task is at ${to.label} already: choose another level.`);
  const openOne = () =>
    new AppError("CONFLICT", "There is an open proposal on this task already: wait for the answer, or withdraw it first.");
  const [existing] = await db
    .select({ id: levelProposals.id })
    .from(levelProposals)
    .where(inScope(levelProposals, actor, eq(levelProposals.taskId, task.id), eq(levelProposals.status, "open")))
    .limit(1);
  if (existing) throw openOne();
  // The partial unique index (one open proposal per task) settles two at once: the second inserts nothing.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(levelProposals)
      .values({
        orgId: actor.orgId,
        taskId: task.id,
        proposerPersonId: actor.personId,
        fromLevelId: task.levelId,
        fromLabel: current?.label ?? "?",
        toLevelId: to.id,
        toLabel: to.label,
        toAutonomy: to.autonomy,
        reason: input.reason,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw openOne();
    // The delegator hears of it in their inbox.
    await notify(tx, actor, { kind: "level_proposed", proposal: row });
    return row;
  });
}

/** The proposer takes back their open proposal. */
export async function withdrawProposal(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .update(levelProposals)
    .set({ status: "withdrawn", decidedAt: new Date() })
    .where(
      inReach(
        levelProposals,
        actor,
        eq(levelProposals.id, id),
        eq(levelProposals.proposerPersonId, actor.personId),
        eq(levelProposals.status, "open"),
      ),
    )
    .returning();
  if (row) return row;
  await openProposalOrThrow(db, actor, id, eq(levelProposals.proposerPersonId, actor.personId));
  throw notFound("Proposal");
}

/** NOT_FOUND when the proposal is not there for the actor (with `mine`), CONFLICT when it was answered already. */
async function openProposalOrThrow(db: Db, actor: Actor, id: string, mine: SQL) {
  const [row] = await db
    .select()
    .from(levelProposals)
    .where(inScope(levelProposals, actor, eq(levelProposals.id, id), mine))
    .limit(1);
  if (!row) throw notFound("Proposal");
  if (row.status !== "open") throw new AppError("CONFLICT", `This proposal was ${row.status} already.`);
  return row;
}

/**
 * The delegator answers a proposal. Accepting moves the task to the proposed
 * level ("Agreed" in its history) only if the task still holds the level it
 * was proposed from; declining keeps the level and needs a reason, which the
 * delegatee reads.
 */
export async function decideProposal(db: Db, actor: Actor, { id, decision, reason }: z.output<typeof decideProposalInput>) {
  const proposal = await openProposalOrThrow(db, actor, id, delegatedTask(actor, levelProposals.taskId));
  const answered = (tx: Db, status: "accepted" | "declined") =>
    tx
      .update(levelProposals)
      .set({ status, decisionReason: reason, decidedAt: new Date() })
      .where(inReach(levelProposals, actor, eq(levelProposals.id, id), eq(levelProposals.status, "open")))
      .returning();
  if (decision === "decline") {
    return db.transaction(async (tx) => {
      const [row] = await answered(tx, "declined");
      if (!row) throw new AppError("CONFLICT", "This proposal was answered or withdrawn meanwhile.");
      await notify(tx, actor, { kind: "proposal_answered", proposal: row });
      return row;
    });
  }
  const [task] = await db
    .select()
    .from(tasks)
    .where(inReach(tasks, actor, eq(tasks.id, proposal.taskId)))
    .limit(1);
  if (!task) throw notFound("Task");
  const spectrum = await getActiveSpectrum(db, actor);
  if (task.levelId !== proposal.fromLevelId) {
    const now = spectrum.levels.find((l) => l.id === task.levelId)?.label ?? "another level";
    throw new AppError(
      "CONFLICT",
      `The level of this task changed since the proposal was made: it is now ${now}. Decline it with a word, or change the level yourself.`,
    );
  }
  const to = await activeLevel(db, actor, proposal.toLevelId);
  const [proposer] = await db
    .select({ name: people.name })
    .from(people)
    .where(inScope(people, actor, eq(people.id, proposal.proposerPersonId)))
    .limit(1);
  const why = `Agreed: ${proposer?.name ?? "the delegatee"} proposed ${to.label} (“${proposal.reason}”)${reason ? `. ${reason}` : ""}`;
  return db.transaction(async (tx) => {
    const [row] = await answered(tx, "accepted");
    if (!row) throw new AppError("CONFLICT", "This proposal was answered or withdrawn meanwhile.");
    if (!(await moveLevel(tx, actor, task, to, why)))
      throw new AppError("CONFLICT", "The level of this task changed just now: look at it again before accepting.");
    await notify(tx, actor, { kind: "proposal_answered", proposal: row });
    return row;
  });
}

// --- delegation poker ---

/**
 * The delegator starts a round on tasks they delegate, all to the same person,
 * open, and in no other unfinished round. Answers the round as they see it.
 */
export async function startPoker(db: Db, actor: Actor, { taskIds }: z.output<typeof startPokerInput>) {
  const wanted = [...new Set(taskIds)];
  const rows = await db
    .select()
    .from(tasks)
    .where(inReach(tasks, actor, inArray(tasks.id, wanted)));
  if (rows.length !== wanted.length) throw fieldError("NOT_FOUND", "taskIds", "That task is not one you delegate.");
  if (rows.some((t) => t.status !== "open")) throw fieldError("BAD_REQUEST", "taskIds", "A done task has no level to play for.");
  const delegatees = new Set(rows.map((t) => t.personId));
  if (delegatees.size !== 1)
    throw fieldError("BAD_REQUEST", "taskIds", "A round is played with one person: choose tasks delegated to the same person.");
  const busy = await db
    .select({ taskId: pokerItems.taskId })
    .from(pokerItems)
    .innerJoin(pokerRounds, and(eq(pokerRounds.id, pokerItems.roundId), eq(pokerRounds.orgId, pokerItems.orgId)))
    .where(
      inScope(
        pokerItems,
        actor,
        inArray(pokerItems.taskId, wanted),
        isNull(pokerItems.agreedAt),
        isNull(pokerItems.endedAt),
        isNull(pokerRounds.endedAt),
      ),
    );
  if (busy.length) {
    const titles = rows.filter((t) => busy.some((b) => b.taskId === t.id)).map((t) => t.title);
    throw fieldError("CONFLICT", "taskIds", `Already in an unfinished round: ${titles.join(", ")}. Finish or end that round first.`);
  }
  const spectrum = await getActiveSpectrum(db, actor);
  const round = await db
    .transaction(async (tx) => {
      const [round] = await tx
        .insert(pokerRounds)
        .values({ orgId: actor.orgId, delegatorPersonId: actor.personId, delegateePersonId: rows[0]!.personId })
        .returning();
      await tx.insert(pokerItems).values(
        rows.map((t) => ({
          orgId: actor.orgId,
          roundId: round!.id,
          taskId: t.id,
          startLabel: spectrum.levels.find((l) => l.id === t.levelId)?.label ?? "?",
        })),
      );
      await notify(tx, actor, { kind: "poker_started", round: round! });
      return round!;
    })
    .catch((error: unknown) => {
      // Another round on one of these tasks started just now (one unfinished round per task, poker_items_one_unfinished_key).
      if (isUniqueViolation(error)) throw fieldError("CONFLICT", "taskIds", "One of these tasks was put in another round just now.");
      throw error;
    });
  return pokerRound(db, actor, round.id);
}

/** A task's part of a round, with its round and task, for one of the two sides; NOT_FOUND otherwise (and once the task is deleted). */
async function playedItem(db: Db, actor: Actor, itemId: string) {
  const [row] = await db
    .select({ item: pokerItems, round: pokerRounds, task: { id: tasks.id, status: tasks.status, levelId: tasks.levelId } })
    .from(pokerItems)
    .innerJoin(pokerRounds, and(eq(pokerRounds.id, pokerItems.roundId), eq(pokerRounds.orgId, pokerItems.orgId)))
    .innerJoin(tasks, and(eq(tasks.id, pokerItems.taskId), eq(tasks.orgId, pokerItems.orgId)))
    .where(inReach(pokerItems, actor, eq(pokerItems.id, itemId)))
    .limit(1);
  if (!row) throw notFound("Poker task");
  const facts: PokerItemFacts = { ...row.item, taskClosed: row.task.status !== "open", roundEnded: row.round.endedAt !== null };
  return { ...row, facts, side: sideOf(row.round, actor.personId) };
}

/** A side picks a level for a task of the round (or changes its pick), until both picks are in. Answers the round as the actor sees it. */
export async function pokerPick(db: Db, actor: Actor, { itemId, levelId }: z.output<typeof pokerPickInput>) {
  const { facts, side, round } = await playedItem(db, actor, itemId);
  if (side === "observer") throw notFound("Poker task");
  const refused = pickRefusal(facts);
  if (refused) throw new AppError("CONFLICT", refused);
  const level = await activeLevel(db, actor, levelId);
  const now = new Date();
  const set =
    side === "delegator"
      ? { delegatorLevelId: level.id, delegatorLabel: level.label, delegatorPickedAt: now }
      : { delegateeLevelId: level.id, delegateeLabel: level.label, delegateePickedAt: now };
  // Still picking when written: a pick that lands after both were in (the other side's arrived first) changes nothing.
  const mine = side === "delegator" ? pokerItems.delegatorPickedAt : pokerItems.delegateePickedAt;
  const theirs = side === "delegator" ? pokerItems.delegateePickedAt : pokerItems.delegatorPickedAt;
  const [row] = await db
    .update(pokerItems)
    .set(set)
    .where(
      inReach(
        pokerItems,
        actor,
        eq(pokerItems.id, itemId),
        isNull(pokerItems.agreedAt),
        isNull(pokerItems.endedAt),
        // Not both in yet: my first pick, or a change while theirs is missing.
        or(isNull(mine), isNull(theirs)),
      ),
    )
    .returning({ id: pokerItems.id });
  if (!row)
    throw new AppError("CONFLICT", "Your pick was not saved: both picks are in now, or the task left the round. Look at the round again.");
  return pokerRound(db, actor, round.id);
}

/** The delegator records the agreed level of a revealed task: the task's level, "Agreed in delegation poker" in its history. */
export async function pokerAgree(db: Db, actor: Actor, { itemId, levelId, reason }: z.output<typeof pokerAgreeInput>) {
  const { facts, side, round, task } = await playedItem(db, actor, itemId);
  if (side !== "delegator") throw notFound("Poker task");
  const refused = agreeRefusal(facts);
  if (refused) throw new AppError("CONFLICT", refused);
  const to = await activeLevel(db, actor, levelId);
  const [delegatee] = await db
    .select({ name: people.name })
    .from(people)
    .where(inScope(people, actor, eq(people.id, round.delegateePersonId)))
    .limit(1);
  const why = pokerAgreedReason(
    { delegator: facts.delegatorLabel ?? "?", delegatee: facts.delegateeLabel ?? "?" },
    delegatee?.name ?? "they",
    reason,
  );
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(pokerItems)
      .set({ agreedLabel: to.label, agreedAt: new Date() })
      .where(inReach(pokerItems, actor, eq(pokerItems.id, itemId), isNull(pokerItems.agreedAt), isNull(pokerItems.endedAt)))
      .returning({ id: pokerItems.id });
    if (!row) throw new AppError("CONFLICT", "Not recorded: this task's level was agreed just now, or the task left the round.");
    if (!(await moveLevel(tx, actor, task, to, why, { keepSame: true })))
      throw new AppError("CONFLICT", "The level of this task changed just now: look at the round again.");
  });
  return pokerRound(db, actor, round.id);
}

/** The delegator ends a round: tasks not agreed yet leave it without a level agreed. Ending an ended round changes nothing. */
export async function endPoker(db: Db, actor: Actor, id: string) {
  const [round] = await db
    .select()
    .from(pokerRounds)
    .where(inReach(pokerRounds, actor, eq(pokerRounds.id, id)))
    .limit(1);
  if (!round) throw notFound("Poker round");
  if (!round.endedAt) {
    const now = new Date();
    await db.transaction(async (tx) => {
      await tx
        .update(pokerRounds)
        .set({ endedAt: now })
        .where(inReach(pokerRounds, actor, eq(pokerRounds.id, id), isNull(pokerRounds.endedAt)));
      await tx
        .update(pokerItems)
        .set({ endedAt: now, endedReason: "The round was ended before this task was agreed." })
        .where(inReach(pokerItems, actor, eq(pokerItems.roundId, id), isNull(pokerItems.agreedAt), isNull(pokerItems.endedAt)));
    });
  }
  return pokerRound(db, actor, id);
}
