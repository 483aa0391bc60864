"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronRight } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/trpc/react";
import { TrackBadge } from "@/components/ui/track-badge";
import { useLevelLabel } from "./use-ladder";

type Node = {
  id: string;
  name: string;
  title: string | null;
  track: "manager" | "ic";
  level: string;
  leads: string | null;
  /** The signed-in person's own place in the chart. */
  you: boolean;
  directCount: number;
  totalCount: number;
  /** Loaded reports: shorter than directCount when the branch is folded and not loaded yet. */
  reports: Node[];
};

type LevelName = (l: string) => string;

function Branch({ nodes, levelName }: { nodes: Node[]; levelName: LevelName }) {
  return (
    <ul className="grid gap-2 border-l border-border pl-4">
      {nodes.map((n) => (
        <Person key={n.id} node={n} levelName={levelName} />
      ))}
    </ul>
  );
}

/**
 * One person and, below them, their reports. Reports that came with the
 * chart show open; a folded branch (a large org opens with its top levels and
 * the way down to you) loads its reports the first time it is opened.
 */
function Person({ node: n, levelName }: { node: Node; levelName: LevelName }) {
  const loaded = n.reports.length >= n.directCount;
  const [open, setOpen] = useState(loaded);
  const Chevron = open ? ChevronDown : ChevronRight;
  return (
    <li className="grid gap-2">
      <div
        className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border bg-surface px-3 py-2 text-sm ${
          n.track === "manager" ? "border-accent/40" : "border-success/40 border-dashed"
        }`}
      >
        {n.directCount > 0 ? (
          <button
            type="button"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-label={`${open ? "Fold" : "Show"} ${n.name}'s ${n.directCount} ${n.directCount === 1 ? "report" : "reports"}`}
            className="-m-1 rounded p-1 text-muted hover:bg-accent-soft hover:text-fg focus-visible:outline-2 focus-visible:outline-ring"
          >
            <Chevron aria-hidden="true" className="size-4" />
          </button>
        ) : (
          <span aria-hidden="true" className="w-4" />
        )}
        <Link href={`/people/${n.id}`} className="font-medium hover:underline">
          {n.name}
        </Link>
        {n.you ? <span className="rounded bg-accent/15 px-1.5 text-xs font-medium text-accent">You</span> : null}
        <TrackBadge track={n.track} />
        <span className="text-muted">{levelName(n.level)}</span>
        {n.leads ? <span className="text-muted">· leads {n.leads}</span> : null}
        <span className="ml-auto text-xs tabular-nums text-muted">
          {n.directCount} direct · {n.totalCount} total
        </span>
      </div>
      {open && loaded && n.reports.length > 0 ? <Branch nodes={n.reports} levelName={levelName} /> : null}
      {open && !loaded ? <FoldedBranch personId={n.id} levelName={levelName} /> : null}
    </li>
  );
}

function FoldedBranch({ personId, levelName }: { personId: string; levelName: LevelName }) {
  const trpc = useTRPC();
  const branch = useQuery(trpc.people.orgChartBranch.queryOptions({ id: personId }));
  if (branch.isPending) {
    return (
      <p role="status" className="pl-4 text-sm text-muted">
        Loading…
      </p>
    );
  }
  if (branch.isError) {
    return (
      <p role="alert" className="pl-4 text-sm text-danger">
        Could not load these reports: {branch.error.message}{" "}
        <button type="button" className="underline" onClick={() => void branch.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  return <Branch nodes={branch.data as Node[]} levelName={levelName} />;
}

export function OrgChart() {
  const trpc = useTRPC();
  const levelName = useLevelLabel();
  const { data: tree } = useSuspenseQuery(trpc.people.orgChart.queryOptions());
  const total = tree.reduce((sum, n) => sum + 1 + n.totalCount, 0);
  if (total <= 1) {
    return <EmptyState title="No one in your org yet" body="Add people on the People tab, and the tree under you appears here." />;
  }
  const folded = countShown(tree as Node[]) < total;
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted">
        The whole organisation · {total} people.{" "}
        {folded ? "It opens at the top levels and the way down to you; open a branch with its arrow. " : null}
        Managers have a solid border, ICs a dashed one.
      </p>
      <Branch nodes={tree as Node[]} levelName={levelName} />
    </div>
  );
}

function countShown(nodes: Node[]): number {
  return nodes.reduce((sum, n) => sum + 1 + countShown(n.reports), 0);
}
