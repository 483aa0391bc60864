import { describe, expect, it } from "vitest";
import { delegationFlag, givenReason, spectrumSwitchedReason, TASK_CREATED_REASON } from "./flag";

const low = { autonomy: 0.25 };
const mid = { autonomy: 0.5 };
const high = { autonomy: 0.75 };

describe("delegationFlag", () => {
  it("a level at the suggestion matches it, whatever the reason", () => {
    expect(delegationFlag(mid, mid, "because")).toEqual({ kind: "matches", words: "Matches the suggestion", tone: "success" });
  });

  it("a level below the suggestion is held tighter, in amber, reason or not", () => {
    expect(delegationFlag(low, mid, null)).toEqual({ kind: "tighter", words: "Held tighter than suggested", tone: "warning" });
    expect(delegationFlag(low, mid, "New to it").kind).toBe("tighter");
  });

  it("above the suggestion with a reason is a decision: neutral, with the reason in words", () => {
    expect(delegationFlag(high, mid, "  She ran it last quarter ")).toEqual({
      kind: "beyond-on-purpose",
      words: "Delegated beyond the suggestion — She ran it last quarter",
      tone: "neutral",
    });
  });

  it("above the suggestion without a reason is a calm amber note, never red", () => {
    for (const reason of [null, undefined, "", "   "]) {
      expect(delegationFlag(high, mid, reason)).toEqual({ kind: "beyond", words: "Delegated beyond the suggestion", tone: "warning" });
    }
  });

  it("a reason the app wrote itself is not a reason someone gave", () => {
    expect(delegationFlag(high, mid, TASK_CREATED_REASON).kind).toBe("beyond");
    expect(delegationFlag(high, mid, spectrumSwitchedReason("Seven levels")).kind).toBe("beyond");
  });
});

describe("givenReason", () => {
  it("keeps a person's words, trimmed, and drops blanks and the app's own", () => {
    expect(givenReason(" Agreed: Ann proposed Advise ")).toBe("Agreed: Ann proposed Advise");
    expect(givenReason(null)).toBeNull();
    expect(givenReason(TASK_CREATED_REASON)).toBeNull();
    expect(givenReason(spectrumSwitchedReason("Five"))).toBeNull();
  });
});
