import { describe, expect, it } from "vitest";
import type { Health } from "./status";
import { buildTree, flatten, MAX_TARGET_DEPTH, parentProblem, rollUpSummary, troubledBranches, worseHealth } from "./tree";

const row = (id: string, parentId: string | null, health: Health | null) => ({ id, parentId, health, title: id });

// checkout (on track)
// ├── payments (on track)
// │   ├── card-auth (off track)
// │   └── wallets (achieved)
// └── platform (at risk)
//     └── cache (none)
const rows = [
  row("checkout", null, "on_track"),
  row("payments", "checkout", "on_track"),
  row("platform", "checkout", "at_risk"),
  row("card-auth", "payments", "off_track"),
  row("wallets", "payments", "achieved"),
  row("cache", "platform", null),
];

describe("buildTree", () => {
  it("rolls up the worst health of each subtree and counts what is below", () => {
    const tree = buildTree(rows, "checkout")!;
    expect(tree.worst).toBe("off_track");
    expect(tree.below).toBe(5);
    expect(tree.counts).toEqual({ off_track: 1, at_risk: 1, no_data: 0, on_track: 1, achieved: 1, none: 1 });
    const [first, second] = tree.children;
    // The worst branch first.
    expect(first!.id).toBe("payments");
    expect(first!.worst).toBe("off_track");
    expect(first!.counts.off_track).toBe(1);
    expect(first!.below).toBe(2);
    expect(second!.id).toBe("platform");
    expect(second!.worst).toBe("at_risk");
    expect(second!.depth).toBe(1);
    expect(second!.children[0]!.depth).toBe(2);
  });

  it("a leaf has no counts and its own health as the worst", () => {
    const tree = buildTree(rows, "wallets")!;
    expect(tree.below).toBe(0);
    expect(tree.worst).toBe("achieved");
    expect(rollUpSummary(tree)).toBe("No sub-targets");
  });

  it("leaves out rows not connected to the root and survives a cycle", () => {
    const odd = [...rows, row("stray", "elsewhere", "off_track"), row("loop-a", "loop-b", null), row("loop-b", "loop-a", null)];
    expect(buildTree(odd, "checkout")!.below).toBe(5);
    expect(buildTree(odd, "loop-a")!.below).toBe(1);
    expect(buildTree(odd, "missing")).toBeNull();
  });

  it("flattens depth first, worst branch first", () => {
    expect(flatten(buildTree(rows, "checkout")!).map((n) => n.id)).toEqual([
      "checkout",
      "payments",
      "card-auth",
      "wallets",
      "platform",
      "cache",
    ]);
  });
});

describe("troubledBranches", () => {
  it("names the child whose subtree is worst", () => {
    expect(troubledBranches(buildTree(rows, "checkout")!).map((n) => n.id)).toEqual(["payments"]);
  });
  it("names none when every branch is on track", () => {
    expect(troubledBranches(buildTree(rows, "payments")!.children[1]!)).toEqual([]);
    const calm = [row("a", null, "off_track"), row("b", "a", "on_track")];
    expect(troubledBranches(buildTree(calm, "a")!)).toEqual([]);
  });
});

describe("rollUpSummary", () => {
  it("says what is in trouble below", () => {
    expect(rollUpSummary(buildTree(rows, "checkout")!)).toBe("1 off track, 1 at risk of 5 sub-targets");
    expect(rollUpSummary(buildTree([row("a", null, null), row("b", "a", "on_track")], "a")!)).toBe("1 sub-target, none in trouble");
  });
});

describe("worseHealth", () => {
  it("takes the worse, and no health gives way", () => {
    expect(worseHealth("on_track", "at_risk")).toBe("at_risk");
    expect(worseHealth(null, "achieved")).toBe("achieved");
    expect(worseHealth(null, null)).toBeNull();
  });
});

describe("parentProblem", () => {
  it("refuses a cycle", () => {
    expect(parentProblem("a", ["c", "b", "a"], 0)).toMatch(/under itself/);
    expect(parentProblem("a", ["a"], 0)).toMatch(/under itself/);
  });
  it("refuses a tree deeper than the maximum", () => {
    // The parent at depth MAX - 2: a leaf fits at the last level, a target with children does not.
    const chain = Array.from({ length: MAX_TARGET_DEPTH - 1 }, (_, i) => `p${i}`);
    expect(parentProblem("t", chain, 0)).toBeNull();
    expect(parentProblem("t", chain, 1)).toMatch(/levels deep/);
    expect(parentProblem("t", [...chain, "p9"], 0)).toMatch(/levels deep/);
  });
});
