import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { levelProposals, pokerItems } from "@/server/db/schema";
import { everyone, only, shows, type Cell, type Matrix } from "./types";

// Delegation seen from both sides (issue #17, part 4). R1's task (delegated by
// E1, ratings not shared) has R1's open proposal; a second task of R1's is in
// a poker round E1 started, where E1 has picked and R1 not yet. R1 proposes and
// withdraws; E1 answers; both sides pick; E1 agrees, starts and ends rounds;
// the line above reads. Nobody but E1 may see E1's pick before R1 has picked,
// and R1 never sees ratings E1 did not share.

/** R1 sees no competency or criticality of tasks whose ratings are not shared (none of the world's are). */
function noRatingsForSelf(result: unknown, cell: Cell) {
  if (cell.role !== "self") return;
  expect(JSON.stringify(result), "the delegatee sees ratings their delegator did not share").not.toMatch(/"(competency|criticality)":\d/);
}

/** Before both picks are in, E1's pick (a level) is shown to E1 alone: to R1 and the line above only as "picked". */
function delegatorPickHidden(result: unknown, cell: Cell) {
  const text = JSON.stringify(result ?? null);
  if (cell.role === "manager") {
    if (text.includes(cell.org.pokerItem.id))
      expect(text).toContain(`"delegator":{"picked":true,"level":{"id":"${cell.org.levels[0]!.id}"`);
    return;
  }
  expect(text, "someone other than the delegator sees the delegator's pick before both are in").not.toMatch(
    /"delegator":\{"picked":true,"level":\{/,
  );
}

const checks =
  (...fns: ((result: unknown, cell: Cell) => void | Promise<void>)[]) =>
  async (result: unknown, cell: Cell) => {
    for (const fn of fns) await fn(result, cell);
  };

export const delegationSidesMatrix: Matrix = {
  "delegation.delegatedToMe": {
    subject: "the caller's tasks as their delegatee (R1's two among R1's)",
    expect: everyone(),
    check: checks(
      noRatingsForSelf,
      shows(["self"], (org) => org.proposal.id),
    ),
  },
  "delegation.activity": [
    {
      subject: "R1's task's proposals and rounds",
      input: (org) => ({ id: org.task.id }),
      expect: only("self", "manager", "skip", "top"),
      check: checks(
        noRatingsForSelf,
        shows(["self", "manager", "skip", "top"], (org) => org.proposal.id),
      ),
    },
    {
      subject: "R1's poker task's rounds (E1 has picked, R1 not yet)",
      input: (org) => ({ id: org.pokerTask.id }),
      expect: only("self", "manager", "skip", "top"),
      check: checks(noRatingsForSelf, delegatorPickHidden),
    },
  ],
  "delegation.proposeLevel": {
    subject: "a level for R1's task (its open proposal withdrawn first)",
    prepare: (org, db) => db.update(levelProposals).set({ status: "withdrawn" }).where(eq(levelProposals.id, org.proposal.id)),
    input: (org) => ({ taskId: org.task.id, fromLevelId: org.levels[2]!.id, levelId: org.levels[5]!.id, reason: "More, please" }),
    // The delegatee alone proposes a level for their task.
    expect: only("self"),
  },
  "delegation.withdrawProposal": { subject: "R1's open proposal", input: (org) => ({ id: org.proposal.id }), expect: only("self") },
  "delegation.decideProposal": [
    {
      subject: "R1's open proposal, declined",
      input: (org) => ({ id: org.proposal.id, decision: "decline", reason: "Not yet" }),
      expect: only("manager"),
    },
    {
      subject: "R1's open proposal, accepted",
      input: (org) => ({ id: org.proposal.id, decision: "accept", reason: null }),
      expect: only("manager"),
    },
  ],
  "delegation.pokerRounds": {
    subject: "the rounds the caller plays (R1 and E1's)",
    expect: everyone(),
    check: checks(
      noRatingsForSelf,
      delegatorPickHidden,
      shows(["self", "manager"], (org) => org.pokerRound.id),
    ),
  },
  "delegation.pokerRound": {
    subject: "R1 and E1's round (E1 has picked, R1 not yet)",
    input: (org) => ({ id: org.pokerRound.id }),
    expect: only("self", "manager", "skip", "top"),
    check: checks(noRatingsForSelf, delegatorPickHidden),
  },
  "delegation.startPoker": {
    subject: "a round on R1's task",
    input: (org) => ({ taskIds: [org.task.id] }),
    // The delegator starts a round on what they delegate.
    expect: only("manager"),
    check: noRatingsForSelf,
  },
  "delegation.pokerPick": {
    subject: "a level for R1's poker task",
    input: (org) => ({ itemId: org.pokerItem.id, levelId: org.levels[1]!.id }),
    // The two sides of the round; not the line above. R1's pick completes the pair: both are revealed to R1 together.
    expect: only("self", "manager"),
    check: (result, cell) => {
      const item = (result as { items: { id: string; state: string }[] }).items.find((i) => i.id === cell.org.pokerItem.id);
      expect(item?.state).toBe(cell.role === "self" ? "revealed" : "picking");
    },
  },
  "delegation.pokerAgree": {
    subject: "R1's poker task, once R1 has picked too",
    prepare: (org, db) =>
      db
        .update(pokerItems)
        .set({ delegateeLevelId: org.levels[3]!.id, delegateeLabel: org.levels[3]!.label, delegateePickedAt: new Date() })
        .where(eq(pokerItems.id, org.pokerItem.id)),
    input: (org) => ({ itemId: org.pokerItem.id, levelId: org.levels[2]!.id, reason: null }),
    expect: only("manager"),
  },
  "delegation.endPoker": { subject: "R1 and E1's round", input: (org) => ({ id: org.pokerRound.id }), expect: only("manager") },
};
