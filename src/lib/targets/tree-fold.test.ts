import { describe, expect, it } from "vitest";
import { buildTree, type TreeRow } from "./tree";
import { foldTree, type FoldedNode } from "./tree-fold";

const row = (id: string, parentId: string | null, health: TreeRow["health"] = "on_track"): TreeRow => ({ id, parentId, health });

/** A root with `width` children, each with `width` children, each with one leaf. */
function wide(width: number): TreeRow[] {
  const rows = [row("root", null)];
  for (let a = 0; a < width; a++) {
    rows.push(row(`a${a}`, "root"));
    for (let b = 0; b < width; b++) {
      rows.push(row(`a${a}b${b}`, `a${a}`));
      rows.push(row(`a${a}b${b}c`, `a${a}b${b}`, a === width - 1 && b === width - 1 ? "off_track" : "on_track"));
    }
  }
  return rows;
}

const count = (n: FoldedNode<TreeRow>): number => 1 + n.children.reduce((s, c) => s + count(c), 0);

describe("foldTree", () => {
  it("opens a small tree whole", () => {
    const folded = foldTree(buildTree(wide(2), "root")!, 50);
    expect(count(folded)).toBe(1 + 2 + 4 + 4);
    expect(folded.children[0]!.children[0]!.folded).toBe(0);
  });

  it("opens whole levels within the budget and folds the rest, keeping each folded node's roll-up", () => {
    // 1 + 5 + 25 = 31 fit in 40; the 25 leaves below would not.
    const folded = foldTree(buildTree(wide(5), "root")!, 40);
    expect(count(folded)).toBe(31);
    const deepest = folded.children.flatMap((a) => a.children);
    expect(deepest.every((n) => n.children.length === 0 && n.folded === 1)).toBe(true);
    // The trouble below a fold still shows in the roll-up, up to the root.
    expect(folded.worst).toBe("off_track");
    expect(folded.below).toBe(5 + 25 + 25);
    expect(deepest.find((n) => n.id === "a4b4")!.worst).toBe("off_track");
  });

  it("always opens the root's own sub-targets, however many", () => {
    const folded = foldTree(buildTree(wide(10), "root")!, 5);
    expect(folded.children).toHaveLength(10);
    expect(folded.children.every((c) => c.children.length === 0 && c.folded === 10)).toBe(true);
  });
});
