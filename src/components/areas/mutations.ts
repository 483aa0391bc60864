"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useInvalidate } from "@/trpc/refreshing";

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
  const invalidate = useInvalidate();
  return () => invalidate(trpc.areas.pathKey(), trpc.people.pathKey(), trpc.targets.pathKey(), trpc.home.pathKey());
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
