"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** The user's organisations (the switcher) and the current one; one small query shared by the menu and the pages. */
export function useMyOrganisations() {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.members.myOrganisations.queryOptions(), staleTime: 60_000 });
  return { organisations: data ?? [], current: data?.find((o) => o.current) };
}

/** Whether the actor is an admin of the organisation they are in (for showing admin-only controls; the server decides). */
export function useIsAdmin(): boolean {
  return useMyOrganisations().current?.role === "admin";
}
