import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { levelChanges, levelProposals, people, pokerItems, pokerRounds, spectrumLevels, tasks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { userClock } from "../kernel/clock";
import { getActiveSpectrum } from "./spectrums.read";
import { levelSince } from "./tasks.read";
import { levelSinceDay } from "@/lib/delegation/review";
import { roundOver, seenPokerItem, sideOf, type PokerViewer } from "@/lib/delegation/poker";

/**
 * Reads: delegation seen from both sides. The delegatee's own page (their
 * tasks, the level held and why, their proposals and the answers), a task's
 * proposals and poker rounds (its history beside the level changes), and poker
 * rounds as each viewer may see them: the other side's pick never leaves the
 * server before both are in (lib/delegation/poker.ts, seenPokerItem).
 */

const delegatorPerson = alias(people, "delegator_person");
const delegateePerson = alias(people, "delegatee_person");

type RoundRow = typeof pokerRounds.$inferSelect & { delegatorName: string; delegateeName: string };

/** Rounds with their tasks, as the actor sees them. A fixed number of queries whatever the count. */
async function roundViews(db: Db, actor: Actor, rounds: RoundRow[]) {
  if (rounds.length === 0) return [];
  const items = await db
    .select({ item: pokerItems, title: tasks.title, status: tasks.status })
    .from(pokerItems)
    .innerJoin(tasks, and(eq(tasks.id, pokerItems.taskId), eq(tasks.orgId, pokerItems.orgId)))
    .where(
      inScope(
        pokerItems,
        actor,
        inArray(
          pokerItems.roundId,
          rounds.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(tasks.title));
  return rounds.map((round) => {
    const side: PokerViewer = sideOf(round, actor.personId);
    const mine = items
      .filter((i) => i.item.roundId === round.id)
      .map(({ item, title, status }) => ({
        id: item.id,
        taskId: item.taskId,
        title,
        startLabel: item.startLabel,
        // Only what the viewer may see: never the raw row, which holds both picks.
        ...seenPokerItem({ ...item, taskClosed: status !== "open", roundEnded: round.endedAt !== null }, side),
      }));
    return {
      id: round.id,
      createdAt: round.createdAt,
      endedAt: round.endedAt,
      over: roundOver(
        round,
        mine.map((i) => i.state),
      ),
      side,
      delegator: { id: round.delegatorPersonId, name: round.delegatorName },
      delegatee: { id: round.delegateePersonId, name: round.delegateeName },
      items: mine,
    };
  });
}

export type PokerRoundView = Awaited<ReturnType<typeof roundViews>>[number];

function roundsQuery(db: Db, actor: Actor, ...conditions: Parameters<typeof inScope>[2][]) {
  return db
    .select({
      round: pokerRounds,
      delegatorName: delegatorPerson.name,
      delegateeName: delegateePerson.name,
    })
    .from(pokerRounds)
    .innerJoin(delegatorPerson, and(eq(delegatorPerson.id, pokerRounds.delegatorPersonId), eq(delegatorPerson.orgId, pokerRounds.orgId)))
    .innerJoin(delegateePerson, and(eq(delegateePerson.id, pokerRounds.delegateePersonId), eq(delegateePerson.orgId, pokerRounds.orgId)))
    .where(inScope(pokerRounds, actor, ...conditions))
    .orderBy(desc(pokerRounds.createdAt));
}

/** One round, as the actor sees it (its two sides, or the line above the delegatee). */
export async function pokerRound(db: Db, actor: Actor, id: string): Promise<PokerRoundView> {
  const [row] = await roundsQuery(db, actor, eq(pokerRounds.id, id)).limit(1);
  if (!row) throw notFound("Poker round");
  return (await roundViews(db, actor, [{ ...row.round, delegatorName: row.delegatorName, delegateeName: row.delegateeName }]))[0]!;
}

/** The rounds the actor plays, on either side, newest first: the unfinished ones and the last few finished. */
export async function myPokerRounds(db: Db, actor: Actor) {
  const rows = await roundsQuery(
    db,
    actor,
    or(eq(pokerRounds.delegatorPersonId, actor.personId), eq(pokerRounds.delegateePersonId, actor.personId)),
  ).limit(30);
  return roundViews(
    db,
    actor,
    rows.map((r) => ({ ...r.round, delegatorName: r.delegatorName, delegateeName: r.delegateeName })),
  );
}

/** A task's proposals and poker rounds (beside its level changes, `history`), newest first. */
export async function taskActivity(db: Db, actor: Actor, taskId: string) {
  await loadInScope(db, actor, tasks, taskId, "Task");
  const [proposals, items] = await Promise.all([
    db
      .select({
        id: levelProposals.id,
        fromLabel: levelProposals.fromLabel,
        toLabel: levelProposals.toLabel,
        reason: levelProposals.reason,
        status: levelProposals.status,
        decisionReason: levelProposals.decisionReason,
        decidedAt: levelProposals.decidedAt,
        createdAt: levelProposals.createdAt,
      })
      .from(levelProposals)
      .where(inScope(levelProposals, actor, eq(levelProposals.taskId, taskId)))
      .orderBy(desc(levelProposals.createdAt)),
    db
      .select({ item: pokerItems, round: pokerRounds, status: tasks.status })
      .from(pokerItems)
      .innerJoin(pokerRounds, and(eq(pokerRounds.id, pokerItems.roundId), eq(pokerRounds.orgId, pokerItems.orgId)))
      .innerJoin(tasks, and(eq(tasks.id, pokerItems.taskId), eq(tasks.orgId, pokerItems.orgId)))
      .where(inScope(pokerItems, actor, eq(pokerItems.taskId, taskId)))
      .orderBy(desc(pokerRounds.createdAt)),
  ]);
  return {
    proposals,
    rounds: items.map(({ item, round, status }) => ({
      id: item.id,
      roundId: round.id,
      createdAt: round.createdAt,
      startLabel: item.startLabel,
      agreedAt: item.agreedAt,
      ...seenPokerItem({ ...item, taskClosed: status !== "open", roundEnded: round.endedAt !== null }, sideOf(round, actor.personId)),
    })),
  };
}

/**
 * "Delegated to me": the actor's tasks as their delegatee, each with the level
 * held, what it means, who holds it, since when and why (the reason of the
 * latest level change), the ratings only when the delegator shares them, the
 * open proposal and the latest answered one. Five queries whatever the count.
 */
export async function delegatedToMe(db: Db, actor: Actor, now = new Date()) {
  const [clock, spectrum, rows] = await Promise.all([
    userClock(db, actor, now),
    getActiveSpectrum(db, actor),
    db
      .select({
        id: tasks.id,
        title: tasks.title,
        description: tasks.description,
        status: tasks.status,
        levelId: tasks.levelId,
        reviewDate: tasks.reviewDate,
        createdAt: tasks.createdAt,
        ratingsShared: tasks.ratingsShared,
        competency: tasks.competency,
        criticality: tasks.criticality,
        level: spectrumLevels.label,
        meaning: spectrumLevels.meaning,
        autonomy: spectrumLevels.autonomy,
        delegatorId: tasks.delegatorPersonId,
        delegatorName: people.name,
        levelSince,
      })
      .from(tasks)
      .innerJoin(spectrumLevels, and(eq(spectrumLevels.id, tasks.levelId), eq(spectrumLevels.orgId, tasks.orgId)))
      .innerJoin(people, and(eq(people.id, tasks.delegatorPersonId), eq(people.orgId, tasks.orgId)))
      .where(inScope(tasks, actor, eq(tasks.personId, actor.personId)))
      .orderBy(asc(tasks.status), asc(tasks.title))
      .limit(500),
  ]);
  const ids = rows.map((r) => r.id);
  const [reasons, proposals] = ids.length
    ? await Promise.all([
        db
          .selectDistinctOn([levelChanges.taskId], { taskId: levelChanges.taskId, reason: levelChanges.reason })
          .from(levelChanges)
          .where(inScope(levelChanges, actor, inArray(levelChanges.taskId, ids)))
          .orderBy(levelChanges.taskId, desc(levelChanges.at)),
        db
          .select()
          .from(levelProposals)
          .where(inScope(levelProposals, actor, inArray(levelProposals.taskId, ids), eq(levelProposals.proposerPersonId, actor.personId)))
          .orderBy(desc(levelProposals.createdAt)),
      ])
    : [[], []];
  const proposal = (p: (typeof proposals)[number]) => ({
    id: p.id,
    fromLabel: p.fromLabel,
    toLabel: p.toLabel,
    reason: p.reason,
    status: p.status,
    decisionReason: p.decisionReason,
    decidedAt: p.decidedAt,
    createdAt: p.createdAt,
  });
  return {
    today: clock.today,
    spectrum: { id: spectrum.id, name: spectrum.name, levels: spectrum.levels },
    tasks: rows.map((r) => {
      const mine = proposals.filter((p) => p.taskId === r.id);
      const open = mine.find((p) => p.status === "open");
      const answered = mine.find((p) => p.status === "accepted" || p.status === "declined");
      return {
        id: r.id,
        title: r.title,
        description: r.description,
        status: r.status,
        levelId: r.levelId,
        level: { id: r.levelId, label: r.level, meaning: r.meaning, autonomy: r.autonomy },
        reviewDate: r.reviewDate,
        delegator: { id: r.delegatorId, name: r.delegatorName },
        since: levelSinceDay(r.levelSince, r.createdAt, clock.dayOf),
        reason: reasons.find((c) => c.taskId === r.id)?.reason ?? null,
        // The ratings behind the level only when the delegator shares them (DESIGN: hidden from the delegatee otherwise).
        ratings: r.ratingsShared ? { competency: r.competency, criticality: r.criticality } : null,
        openProposal: open ? proposal(open) : null,
        lastAnswer: answered ? proposal(answered) : null,
      };
    }),
  };
}
