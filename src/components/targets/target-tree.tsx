"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronRight } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { HealthBadge } from "@/components/ui/health-badge";
import { HEALTH_LABELS } from "@/lib/targets/status";
import { rollUpSummary, troubledBranches, type RolledUp } from "@/lib/targets/tree";
import { TARGET_STATUS_LABELS } from "@/lib/targets/labels";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/react";

type Tree = RouterOutputs["targets"]["tree"]["tree"];
type Node = Tree["children"][number];
type Ancestor = RouterOutputs["targets"]["tree"]["ancestors"][number];

/**
 * Where a target sits: the targets above it, root first. Those the actor sees
 * are links; the others show their title and health only (what this target
 * contributes to).
 */
export function TargetBreadcrumb({ ancestors, current }: { ancestors: Ancestor[]; current?: string }) {
  if (ancestors.length === 0) return null;
  return (
    <nav aria-label="Part of" className="text-sm" data-testid="target-breadcrumb">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        <li className="text-muted">Part of</li>
        {ancestors.map((a) => (
          <li key={a.id} className="flex items-center gap-1.5">
            {a.canOpen ? (
              <Link href={`/targets/${a.id}`} className="font-medium hover:underline">
                {a.title}
              </Link>
            ) : (
              <span className="font-medium" title="You see its title and health: it is set above you.">
                {a.title}
              </span>
            )}
            {a.health ? <HealthBadge health={a.health} /> : null}
            <span aria-hidden="true" className="text-muted">
              ›
            </span>
          </li>
        ))}
        {current ? (
          <li aria-current="page" className="text-muted">
            {current}
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

/** The roll-up of a branch in words: its worst health and what is in trouble below it. */
function RollUp({ node }: { node: Node | Tree }) {
  if (node.below === 0) return null;
  return (
    <span className="text-xs text-muted">
      {node.worst && node.worst !== node.health ? <>Worst below: {HEALTH_LABELS[node.worst]} · </> : null}
      {rollUpSummary(node)}
    </span>
  );
}

/**
 * One target of a tree and, unfolded, its sub-targets. Keyboard: the fold
 * button is a button. A node the server folded (`folded` sub-targets not
 * sent) loads its branch when unfolded (targets.treeBranch).
 */
function TreeItem({ node, level }: { node: Node; level: number }) {
  const [open, setOpen] = useState(level < 2 && node.folded === 0);
  const hasChildren = node.children.length > 0 || node.folded > 0;
  return (
    <li data-testid="tree-node" data-health={node.worst ?? "none"}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1.5" style={{ paddingLeft: `${Math.min(level, 4) * 1}rem` }}>
        {hasChildren ? (
          <button
            type="button"
            className="inline-flex size-6 items-center justify-center rounded hover:bg-surface-2"
            aria-expanded={open}
            aria-label={`${open ? "Fold" : "Unfold"} the sub-targets of ${node.title}`}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? <ChevronDown aria-hidden="true" className="size-4" /> : <ChevronRight aria-hidden="true" className="size-4" />}
          </button>
        ) : (
          <span className="inline-block size-6" aria-hidden="true" />
        )}
        <Link href={`/targets/${node.id}`} className="min-w-0 font-medium break-words hover:underline">
          {node.title}
        </Link>
        <HealthBadge health={node.health} fallback={node.status === "active" ? "No metrics" : TARGET_STATUS_LABELS[node.status]} />
        <span className="text-xs text-muted">{node.owners.map((o) => o.name).join(", ")}</span>
        <RollUp node={node} />
      </div>
      {hasChildren && open ? (
        node.folded > 0 ? (
          <FoldedBranch id={node.id} title={node.title} level={level} />
        ) : (
          <ul>
            {node.children.map((c) => (
              <TreeItem key={c.id} node={c as Node} level={level + 1} />
            ))}
          </ul>
        )
      ) : null}
    </li>
  );
}

/** The sub-targets of a folded node, loaded when it is first unfolded. */
function FoldedBranch({ id, title, level }: { id: string; title: string; level: number }) {
  const trpc = useTRPC();
  const branch = useQuery(trpc.targets.treeBranch.queryOptions({ id }));
  if (branch.isPending)
    return (
      <p className="py-1 text-xs text-muted" style={{ paddingLeft: `${Math.min(level + 1, 4)}rem` }}>
        Loading…
      </p>
    );
  if (branch.isError) return <p className="py-1 text-xs text-danger">Its sub-targets could not be loaded.</p>;
  return (
    <ul aria-label={`Sub-targets of ${title}`}>
      {branch.data.tree.children.map((c) => (
        <TreeItem key={c.id} node={c as Node} level={level + 1} />
      ))}
    </ul>
  );
}

/** Which branch is off track (or at risk), in a sentence: the roll-up's answer at the top of a tree. */
export function TroubleLine({ tree }: { tree: Tree }) {
  const troubled = troubledBranches(tree as unknown as RolledUp<Node>);
  if (tree.below === 0) return null;
  if (troubled.length === 0) return <p className="text-sm text-muted">No branch is off track or at risk. {rollUpSummary(tree)}.</p>;
  return (
    <p className="text-sm" data-testid="trouble-line">
      <Badge tone={troubled[0]!.worst === "off_track" ? "danger" : "warning"}>{HEALTH_LABELS[troubled[0]!.worst!]}</Badge>{" "}
      {troubled.length === 1 ? "The branch of " : "The branches of "}
      {troubled.map((t, i) => (
        <span key={t.id}>
          {i > 0 ? ", " : ""}
          <Link href={`/targets/${t.id}`} className="font-medium hover:underline">
            {t.title}
          </Link>
        </span>
      ))}
      . {rollUpSummary(tree)}.
    </p>
  );
}

/** The sub-targets under `tree` (its root not repeated), each with its health and its branch's roll-up. */
export function TargetTreeList({ tree }: { tree: Tree }) {
  return (
    <ul className="grid" aria-label={`Sub-targets of ${tree.title}`}>
      {tree.children.map((c) => (
        <TreeItem key={c.id} node={c} level={0} />
      ))}
    </ul>
  );
}
