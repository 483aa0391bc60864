import type { RolledUp, TreeRow } from "./tree";

/**
 * A tree as a page ships it (issue #20): whole levels from the root, as many
 * as fit in a budget of nodes, and below them folded branches. A folded node
 * keeps its roll-up (its worst health, the counts and the number below it,
 * computed over the whole subtree the server read), but not its children:
 * `folded` says how many sub-targets open when it is unfolded (the branch
 * loads then: targets.treeBranch). Pure, for the server and its tests.
 */
export type FoldedNode<T extends TreeRow> = Omit<RolledUp<T>, "children"> & { children: FoldedNode<T>[]; folded: number };

/** How many nodes a tree opens with (the root's own sub-targets always open, whatever their number). */
export const TREE_OPENING_BUDGET = 50;

/**
 * The tree with its levels open from the root while the nodes shown stay
 * within `budget` (the first level always opens), the rest folded.
 */
export function foldTree<T extends TreeRow>(tree: RolledUp<T>, budget = TREE_OPENING_BUDGET): FoldedNode<T> {
  // The number of levels below the root that open: whole levels, while they fit.
  let levels = 1;
  let shown = 1 + tree.children.length;
  let frontier = tree.children;
  for (;;) {
    const next = frontier.flatMap((n) => n.children);
    if (next.length === 0 || shown + next.length > budget) break;
    shown += next.length;
    levels += 1;
    frontier = next;
  }
  const fold = (node: RolledUp<T>, level: number): FoldedNode<T> => {
    const open = level < levels;
    return {
      ...(node as Omit<RolledUp<T>, "children">),
      children: open ? node.children.map((c) => fold(c, level + 1)) : [],
      folded: open ? 0 : node.children.length,
    } as FoldedNode<T>;
  };
  return fold(tree, 0);
}
