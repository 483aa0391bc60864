"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { HealthBadge } from "@/components/ui/health-badge";
import { HEALTH_LABELS } from "@/lib/targets/status";
import { TARGET_STATUS_LABELS } from "@/lib/targets/labels";
import { useTRPC } from "@/trpc/react";
import { TargetTreeList, TroubleLine } from "./target-tree";

/** The trees under the actor's own targets (those they set or own), the one in most trouble first. */
export function TargetTrees() {
  const trpc = useTRPC();
  const { data, isPending } = useQuery(trpc.targets.trees.queryOptions());
  if (isPending) return <p className="text-sm text-muted">Loading the trees…</p>;
  if (!data || data.trees.length === 0) {
    return (
      <EmptyState
        title="No target is split yet"
        body="Open one of your targets and choose “Add sub-target” to split it for the people below you: a pair's part, then a team's. Its tree shows here, with the branch that is off track."
        actions={
          <Link href="/targets?mine=1" className="text-sm font-medium text-accent hover:underline">
            Your targets
          </Link>
        }
      />
    );
  }
  return (
    <div className="grid gap-4">
      {data.trees.map((tree) => (
        <Card key={tree.id} data-testid="target-tree">
          <CardHeader>
            <CardTitle className="flex flex-wrap items-center gap-2">
              <Link href={`/targets/${tree.id}`} className="break-words hover:underline">
                {tree.title}
              </Link>
              <HealthBadge health={tree.health} fallback={tree.status === "active" ? "No metrics" : TARGET_STATUS_LABELS[tree.status]} />
              {tree.worst && tree.worst !== tree.health ? (
                <span className="text-xs font-normal text-muted">Worst below: {HEALTH_LABELS[tree.worst]}</span>
              ) : null}
            </CardTitle>
            <p className="text-xs text-muted">
              Set by {data.controllers[tree.controllerPersonId] ?? "someone above you"} · owned by{" "}
              {tree.owners.map((o) => o.name).join(", ")}
            </p>
          </CardHeader>
          <CardBody className="grid gap-3">
            <TroubleLine tree={tree} />
            <TargetTreeList tree={tree} />
          </CardBody>
        </Card>
      ))}
      {data.truncated ? (
        <p className="text-xs text-muted">More trees than a page shows: the first 25 trees, 500 targets, are here.</p>
      ) : null}
    </div>
  );
}
