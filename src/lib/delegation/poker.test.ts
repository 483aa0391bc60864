import { describe, expect, it } from "vitest";
import {
  agreeRefusal,
  endedWhy,
  pickRefusal,
  pokerAgreedReason,
  pokerState,
  roundOver,
  seenPokerItem,
  sideOf,
  type PokerItemFacts,
} from "./poker";

const t = new Date("2026-03-01T10:00:00Z");
const blank: PokerItemFacts = {
  delegatorLevelId: null,
  delegatorLabel: null,
  delegatorPickedAt: null,
  delegateeLevelId: null,
  delegateeLabel: null,
  delegateePickedAt: null,
  agreedLabel: null,
  agreedAt: null,
  endedAt: null,
};
const delegatorPicked = { ...blank, delegatorLevelId: "l-tell", delegatorLabel: "Tell", delegatorPickedAt: t };
const bothPicked = { ...delegatorPicked, delegateeLevelId: "l-advise", delegateeLabel: "Advise", delegateePickedAt: t };

describe("delegation poker's state machine", () => {
  it("goes picking → revealed → agreed", () => {
    expect(pokerState(blank)).toBe("picking");
    expect(pokerState(delegatorPicked)).toBe("picking");
    expect(pokerState(bothPicked)).toBe("revealed");
    expect(pokerState({ ...bothPicked, agreedLabel: "Agree", agreedAt: t })).toBe("agreed");
  });

  it("ends when the task is closed, the round is ended, or the item was ended; an agreed task stays agreed", () => {
    expect(pokerState({ ...delegatorPicked, taskClosed: true })).toBe("ended");
    expect(pokerState({ ...blank, roundEnded: true })).toBe("ended");
    expect(pokerState({ ...blank, endedAt: t, endedReason: "Stopped" })).toBe("ended");
    expect(pokerState({ ...bothPicked, agreedLabel: "Agree", agreedAt: t, taskClosed: true })).toBe("agreed");
    expect(endedWhy({ ...blank, taskClosed: true })).toBe("The task was closed before its level was agreed.");
    expect(endedWhy({ ...blank, endedAt: t, endedReason: "Stopped" })).toBe("Stopped");
    expect(endedWhy(bothPicked)).toBeNull();
  });

  it("lets a side pick (and change its pick) only while picking; agreeing only once revealed", () => {
    expect(pickRefusal(blank)).toBeNull();
    expect(pickRefusal(delegatorPicked)).toBeNull();
    expect(pickRefusal(bothPicked)).toMatch(/revealed/);
    expect(pickRefusal({ ...blank, taskClosed: true })).toMatch(/closed/);
    expect(agreeRefusal(delegatorPicked)).toMatch(/Both sides pick/);
    expect(agreeRefusal(bothPicked)).toBeNull();
    expect(agreeRefusal({ ...bothPicked, agreedLabel: "Agree", agreedAt: t })).toMatch(/already agreed/);
  });

  it("never shows a pick to the other side, or to the line above, before both are in", () => {
    const delegatee = seenPokerItem(delegatorPicked, "delegatee");
    expect(delegatee.delegator).toEqual({ picked: true, level: null });
    expect(JSON.stringify(delegatee)).not.toContain("Tell");
    expect(JSON.stringify(delegatee)).not.toContain("l-tell");
    expect(seenPokerItem(delegatorPicked, "observer").delegator).toEqual({ picked: true, level: null });
    // Their own pick is theirs to see.
    expect(seenPokerItem(delegatorPicked, "delegator").delegator).toEqual({ picked: true, level: { id: "l-tell", label: "Tell" } });
    // Not even once the round ended with one pick missing.
    expect(seenPokerItem({ ...delegatorPicked, roundEnded: true }, "delegatee").delegator.level).toBeNull();
  });

  it("reveals both picks together, to both sides and the line above", () => {
    for (const viewer of ["delegator", "delegatee", "observer"] as const) {
      const seen = seenPokerItem(bothPicked, viewer);
      expect(seen.state).toBe("revealed");
      expect(seen.delegator.level?.label).toBe("Tell");
      expect(seen.delegatee.level?.label).toBe("Advise");
    }
  });

  it("a round is over when ended, or when every task is agreed or ended (none left counts)", () => {
    expect(roundOver({ endedAt: null }, ["agreed", "picking"])).toBe(false);
    expect(roundOver({ endedAt: null }, ["agreed", "ended"])).toBe(true);
    expect(roundOver({ endedAt: null }, [])).toBe(true);
    expect(roundOver({ endedAt: t }, ["picking"])).toBe(true);
  });

  it("names the viewer's side, and says where an agreed level came from", () => {
    const round = { delegatorPersonId: "d", delegateePersonId: "e" };
    expect([sideOf(round, "d"), sideOf(round, "e"), sideOf(round, "x")]).toEqual(["delegator", "delegatee", "observer"]);
    expect(pokerAgreedReason({ delegator: "Tell", delegatee: "Advise" }, "Marcus", null)).toBe(
      "Agreed in delegation poker (delegator picked Tell, Marcus picked Advise)",
    );
    expect(pokerAgreedReason({ delegator: "Tell", delegatee: "Advise" }, "Marcus", "Split the difference")).toMatch(
      /: Split the difference$/,
    );
  });
});
