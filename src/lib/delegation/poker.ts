/**
 * Delegation poker (Management 3.0): for each task in a round, the delegator
 * and the delegatee each pick a level without seeing the other's pick; when
 * both have picked, both are revealed together; the delegator then records
 * the agreed level. A task's part of the round is, in order:
 *
 *   picking  → neither or one side has picked (a side may change its own pick)
 *   revealed → both have picked; picks are final and shown to both
 *   agreed   → the delegator recorded the agreed level (the task's level)
 *   ended    → left without an agreed level: the task was closed, or the
 *              delegator ended the round
 *
 * What a viewer sees of a pick is decided here, once, for the server to apply
 * before anything leaves it: the other side's pick is never shown before both
 * have picked, not even after the round ended with one pick missing.
 */

export type PokerSide = "delegator" | "delegatee";
/** Who looks at a round: one of its sides, or someone in the line above the delegatee (sees neither pick until both are in). */
export type PokerViewer = PokerSide | "observer";
export type PokerState = "picking" | "revealed" | "agreed" | "ended";

export type PokerItemFacts = {
  delegatorLevelId: string | null;
  delegatorLabel: string | null;
  delegatorPickedAt: Date | null;
  delegateeLevelId: string | null;
  delegateeLabel: string | null;
  delegateePickedAt: Date | null;
  agreedLabel: string | null;
  agreedAt: Date | null;
  endedAt: Date | null;
  /** The task was closed (done) while its part of the round was unfinished: that part has ended. */
  taskClosed?: boolean;
  /** The delegator ended the round. */
  roundEnded?: boolean;
  /** Why it ended, as stored when the round was ended. */
  endedReason?: string | null;
};

/** Why a task's part of a round ended without an agreed level, in words; null while it has not. */
export function endedWhy(item: PokerItemFacts): string | null {
  if (pokerState(item) !== "ended") return null;
  if (item.endedReason) return item.endedReason;
  if (item.taskClosed) return "The task was closed before its level was agreed.";
  return "The round was ended before this task was agreed.";
}

const bothPicked = (item: PokerItemFacts) => item.delegatorPickedAt !== null && item.delegateePickedAt !== null;

export function pokerState(item: PokerItemFacts): PokerState {
  if (item.agreedAt) return "agreed";
  if (item.endedAt || item.taskClosed || item.roundEnded) return "ended";
  return bothPicked(item) ? "revealed" : "picking";
}

/** Why a side may not pick now, or null when it may. */
export function pickRefusal(item: PokerItemFacts): string | null {
  switch (pokerState(item)) {
    case "picking":
      return null;
    case "revealed":
      return "Both picks are in and revealed: they can no longer change.";
    case "agreed":
      return "This task's level was already agreed in this round.";
    case "ended":
      return endedWhy(item);
  }
}

/** Why the agreed level may not be recorded now, or null when it may. */
export function agreeRefusal(item: PokerItemFacts): string | null {
  switch (pokerState(item)) {
    case "revealed":
      return null;
    case "picking":
      return "Both sides pick before a level is agreed.";
    case "agreed":
      return "This task's level was already agreed in this round.";
    case "ended":
      return endedWhy(item);
  }
}

export type SeenPick = { picked: boolean; level: { id: string; label: string } | null };
export type SeenPokerItem = {
  state: PokerState;
  delegator: SeenPick;
  delegatee: SeenPick;
  agreedLabel: string | null;
  endedReason: string | null;
};

/** A task's part of a round as `viewer` may see it: a pick's level only to its own side until both have picked. */
export function seenPokerItem(item: PokerItemFacts, viewer: PokerViewer): SeenPokerItem {
  const revealed = bothPicked(item);
  const pick = (side: PokerSide): SeenPick => {
    const levelId = side === "delegator" ? item.delegatorLevelId : item.delegateeLevelId;
    const label = side === "delegator" ? item.delegatorLabel : item.delegateeLabel;
    const picked = (side === "delegator" ? item.delegatorPickedAt : item.delegateePickedAt) !== null;
    const shown = picked && (revealed || viewer === side) && levelId !== null;
    return { picked, level: shown ? { id: levelId, label: label ?? "?" } : null };
  };
  return {
    state: pokerState(item),
    delegator: pick("delegator"),
    delegatee: pick("delegatee"),
    agreedLabel: item.agreedLabel,
    endedReason: endedWhy(item),
  };
}

/** A round is over when the delegator ended it, or every task in it is agreed or ended (a round whose tasks were all deleted too). */
export function roundOver(round: { endedAt: Date | null }, states: PokerState[]): boolean {
  return round.endedAt !== null || states.every((s) => s === "agreed" || s === "ended");
}

/** The side `personId` plays in a round, or "observer". */
export function sideOf(round: { delegatorPersonId: string; delegateePersonId: string }, personId: string): PokerViewer {
  if (round.delegatorPersonId === personId) return "delegator";
  if (round.delegateePersonId === personId) return "delegatee";
  return "observer";
}

/** The history's words for an agreed level: where it came from and what each side picked. */
export function pokerAgreedReason(picks: { delegator: string; delegatee: string }, delegateeName: string, note: string | null): string {
  const base = `Agreed in delegation poker (delegator picked ${picks.delegator}, ${delegateeName} picked ${picks.delegatee})`;
  return note ? `${base}: ${note}` : base;
}
