"use client";

import { useQuery } from "@tanstack/react-query";
import { DEFAULT_LEVEL_LABELS, levelLabel } from "@/lib/people/ladder";
import { useTRPC } from "@/trpc/react";

/** The account's level names, with the defaults until they load. */
export function useLevelLabel() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.people.ladder.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const labels = (data?.labels ?? DEFAULT_LEVEL_LABELS) as Record<string, string>;
  return (level: string) => levelLabel(level, labels);
}
