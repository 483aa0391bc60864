"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { LoadMore } from "@/components/ui/load-more";
import { targetPages } from "@/lib/targets/list-params";
import { useTRPC } from "@/trpc/react";
import { TargetRows } from "./target-cards";

/** The targets a person owns, or an area's pair owns: on the person and area pages, a page at a time. */
export function TargetsFor({ personId, areaId, emptyText }: { personId?: string; areaId?: string; emptyText: string }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(trpc.targets.list.infiniteQueryOptions({ personId, areaId }, targetPages));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <p className="text-sm text-muted">Loading targets…</p>;
  if (!rows.length) return <p className="text-sm text-muted">{emptyText}</p>;
  return (
    <>
      <TargetRows targets={rows} />
      <LoadMore pages={list} shown={rows.length} noun={rows.length === 1 ? "target" : "targets"} />
    </>
  );
}
