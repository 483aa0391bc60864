"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
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
  reports: Node[];
};

function Branch({ nodes, levelName }: { nodes: Node[]; levelName: (l: string) => string }) {
  return (
    <ul className="grid gap-2 border-l border-border pl-4">
      {nodes.map((n) => (
        <li key={n.id} className="grid gap-2">
          <div
            className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border bg-surface px-3 py-2 text-sm ${
              n.track === "manager" ? "border-accent/40" : "border-success/40 border-dashed"
            }`}
          >
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
          {n.reports.length ? <Branch nodes={n.reports} levelName={levelName} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function OrgChart() {
  const trpc = useTRPC();
  const levelName = useLevelLabel();
  const { data: tree } = useSuspenseQuery(trpc.people.orgChart.queryOptions());
  const total = tree.reduce((sum, n) => sum + 1 + n.totalCount, 0);
  if (total <= 1) {
    return <EmptyState title="No one in your org yet" body="Add people on the People tab, and the tree under you appears here." />;
  }
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted">The whole organisation · {total} people. Managers have a solid border, ICs a dashed one.</p>
      <Branch nodes={tree as Node[]} levelName={levelName} />
    </div>
  );
}
