"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

// The areas' mutations, each refreshing what it changes. One habit in every
// domain's mutations module: the hook refreshes (its onSuccess awaits the
// invalidation, so the data on screen is new before the caller goes on), and the
// caller says only what the UI does next, with mutate's own callbacks or
// mutateAsync. No component calls invalidateQueries itself.
//
// An area and its pair show on the areas pages, on the people pages (a person's
// area and partner, the list's "Pair in"), on targets (the area of a target, the
// area picker that proposes the pair) and in the palette on Home.

function useRefreshAreas() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(
      [trpc.areas, trpc.people, trpc.targets, trpc.home].map((router) => queryClient.invalidateQueries({ queryKey: router.pathKey() })),
    );
  };
}

export function useCreateArea() {
  const trpc = useTRPC();
  return useMutation(trpc.areas.create.mutationOptions({ onSuccess: useRefreshAreas() }));
}

export function useUpdateArea() {
  const trpc = useTRPC();
  return useMutation(trpc.areas.update.mutationOptions({ onSuccess: useRefreshAreas() }));
}

export function useDeleteArea() {
  const trpc = useTRPC();
  return useMutation(trpc.areas.delete.mutationOptions({ onSuccess: useRefreshAreas() }));
}
