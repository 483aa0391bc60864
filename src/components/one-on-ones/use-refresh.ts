"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** After any 1:1 change: every 1:1 view (overview, person, meeting, prep) refetches. */
export function useRefreshOneOnOnes() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.oneOnOnes.pathKey() });
}
