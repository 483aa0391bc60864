import { HEALTH_ORDER, type Health } from "./status";

/**
 * Cascading targets: a target may be split into sub-targets (its children),
 * owned by people further down the chart, and those again. Pure, shared by
 * the server (building a tree from the rows a bounded walk read) and the
 * browser (the roll-up shown on a tree).
 *
 * The roll-up of a node is over its whole subtree, itself included:
 * - `worst`: the worst health in it (off track < at risk < on track <
 *   achieved); null when no target in it has a health (drafts, finished or
 *   dropped ones, no metrics);
 * - `counts`: how many targets of each health are *below* it (not itself),
 *   and `below`, how many targets are below it in all.
 * The branch that is off track is the child whose `worst` is the worst.
 */

/** How many levels a tree has at most: a root and four levels of sub-targets (director, EM, team, …). */
export const MAX_TARGET_DEPTH = 5;

/** Nodes a tree view reads at most (the walk down stops there and says so). */
export const MAX_TREE_NODES = 500;

export type TreeRow = { id: string; parentId: string | null; health: Health | null };

export type HealthCounts = Record<Health | "none", number>;

export type RolledUp<T extends TreeRow> = T & {
  depth: number;
  children: RolledUp<T>[];
  worst: Health | null;
  counts: HealthCounts;
  below: number;
};

const emptyCounts = (): HealthCounts => ({ off_track: 0, at_risk: 0, no_data: 0, on_track: 0, achieved: 0, none: 0 });

/** The worse of two healths (null counts as no information: the other wins). */
export function worseHealth(a: Health | null, b: Health | null): Health | null {
  if (a === null) return b;
  if (b === null) return a;
  return HEALTH_ORDER.indexOf(a) <= HEALTH_ORDER.indexOf(b) ? a : b;
}

const rank = (h: Health | null) => (h === null ? HEALTH_ORDER.length : HEALTH_ORDER.indexOf(h));

/**
 * The tree under `rootId` from flat rows, rolled up, each node's children
 * worst branch first. Rows not connected to the root (or whose parent is not
 * among the rows) are left out; a row met twice (a cycle the database should
 * never hold) is taken once.
 */
export function buildTree<T extends TreeRow>(rows: readonly T[], rootId: string): RolledUp<T> | null {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const childrenOf = new Map<string, T[]>();
  for (const r of rows) {
    if (r.parentId === null || r.id === rootId) continue;
    childrenOf.set(r.parentId, [...(childrenOf.get(r.parentId) ?? []), r]);
  }
  const root = byId.get(rootId);
  if (!root) return null;
  const seen = new Set<string>();
  const build = (row: T, depth: number): RolledUp<T> => {
    seen.add(row.id);
    const children = (childrenOf.get(row.id) ?? []).filter((c) => !seen.has(c.id)).map((c) => build(c, depth + 1));
    children.sort((a, b) => rank(a.worst) - rank(b.worst));
    const counts = emptyCounts();
    let below = 0;
    let worst: Health | null = row.health;
    for (const child of children) {
      counts[child.health ?? "none"] += 1;
      for (const key of Object.keys(counts) as (keyof HealthCounts)[]) counts[key] += child.counts[key];
      below += 1 + child.below;
      worst = worseHealth(worst, child.worst);
    }
    return { ...row, depth, children, worst, counts, below };
  };
  return build(root, 0);
}

/** The children whose subtree is the worst of them, if it is off track or at risk: "which branch is off track". */
export function troubledBranches<T extends TreeRow>(node: RolledUp<T>): RolledUp<T>[] {
  const worst = node.children.reduce<Health | null>((w, c) => worseHealth(w, c.worst), null);
  if (worst !== "off_track" && worst !== "at_risk") return [];
  return node.children.filter((c) => c.worst === worst);
}

/** A short sentence of a node's roll-up below it: "2 off track, 1 at risk of 5 below". */
export function rollUpSummary(node: { counts: HealthCounts; below: number }): string {
  if (node.below === 0) return "No sub-targets";
  const parts: string[] = [];
  if (node.counts.off_track) parts.push(`${node.counts.off_track} off track`);
  if (node.counts.at_risk) parts.push(`${node.counts.at_risk} at risk`);
  const all = `${node.below} sub-target${node.below === 1 ? "" : "s"}`;
  return parts.length ? `${parts.join(", ")} of ${all}` : `${all}, none in trouble`;
}

/** Every node of a tree, depth first (the order a tree is shown in). */
export function flatten<T extends TreeRow>(node: RolledUp<T>): RolledUp<T>[] {
  return [node, ...node.children.flatMap((c) => flatten(c))];
}

/**
 * Whether `parentId` may become the parent of `targetId`, given the walk up
 * from the new parent (its id first, then its parent's, … to the root) and
 * the height of the moved target's own subtree (0: no sub-targets). Answers
 * the reason it may not, or null.
 */
export function parentProblem(targetId: string, ancestorsOfParent: readonly string[], subtreeHeight: number): string | null {
  if (ancestorsOfParent.includes(targetId)) return "A target cannot be placed under itself or one of its own sub-targets.";
  // The new parent is at depth ancestors - 1; the target at `ancestors`; its deepest descendant `subtreeHeight` further.
  if (ancestorsOfParent.length + subtreeHeight >= MAX_TARGET_DEPTH) {
    return `A tree of targets is at most ${MAX_TARGET_DEPTH} levels deep.`;
  }
  return null;
}
