"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { HealthBadge } from "@/components/ui/health-badge";
import { HEALTH_LABELS } from "@/lib/targets/status";
import { TARGET_STATUS_LABELS } from "@/lib/targets/labels";
import { useTRPC } from "@/trpc/react";
import { TargetTreeList, TroubleLine } from "./target-tree";

/** The tree page's trees, a page at a time: the same options on the page's server (its prefetch) and here. */
export const treePages = (trpc: ReturnType<typeof useTRPC>) =>
  trpc.targets.trees.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined });

/** The trees under the actor's own targets (those they set or own), by due date, a page at a time. */
export function TargetTrees() {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(treePages(trpc));
  if (pages.isPending) return <p className="text-sm text-muted">Loading the trees…</p>;
  const data = pages.data
    ? {
        trees: pages.data.pages.flatMap((p) => p.trees),
        truncated: pages.data.pages.some((p) => p.truncated),
        controllers: Object.assign({}, ...pages.data.pages.map((p) => p.controllers)) as Record<string, string>,
      }
    : undefined;
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
      <LoadMore pages={pages} shown={data.trees.length} noun={data.trees.length === 1 ? "tree" : "trees"} label="Show more trees" />
      {data.truncated ? (
        <p className="text-xs text-muted">Large trees: the first 500 targets of a page of trees are counted in its roll-ups.</p>
      ) : null}
    </div>
  );
}
