"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { TargetRows } from "./target-cards";

/** The targets a person owns, or an area's pair owns: on the person and area pages. */
export function TargetsFor({ personId, areaId, emptyText }: { personId?: string; areaId?: string; emptyText: string }) {
  const trpc = useTRPC();
  const { data, isPending } = useQuery(trpc.targets.list.queryOptions({ personId, areaId }));
  if (isPending) return <p className="text-sm text-muted">Loading targets…</p>;
  if (!data?.length) return <p className="text-sm text-muted">{emptyText}</p>;
  return <TargetRows targets={data} />;
}
