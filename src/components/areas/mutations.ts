"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useRefreshing, type MutationOptionsOf } from "@/trpc/refreshing";

type Trpc = ReturnType<typeof useTRPC>;

// The areas' mutations, one hook per change. The habit (the same in every
// domain's mutations.ts): a component never calls invalidateQueries itself; it
// calls the hook of its change, passing only what is its own (a toast, closing a
// dialog) as the hook's options or mutate's callbacks. The hook refreshes exactly
// the views that show what the change touched (src/trpc/refreshing.ts), then runs
// the component's onSuccess, so what it shows next is already fresh.
//
// An area and its pair show on the areas pages, on the people pages (a person's
// area and partner, the list's "Pair in"), on targets (the area of a target, the
// area picker that proposes the pair) and in the palette on Home.

function useRefreshAreas() {
  const trpc = useTRPC();
  return useRefreshing(trpc.areas.pathKey(), trpc.people.pathKey(), trpc.targets.pathKey(), trpc.home.pathKey());
}

export function useCreateArea(options?: MutationOptionsOf<Trpc["areas"]["create"]>) {
  const refresh = useRefreshAreas();
  return useMutation(useTRPC().areas.create.mutationOptions(refresh(options)));
}

export function useUpdateArea(options?: MutationOptionsOf<Trpc["areas"]["update"]>) {
  const refresh = useRefreshAreas();
  return useMutation(useTRPC().areas.update.mutationOptions(refresh(options)));
}

export function useDeleteArea(options?: MutationOptionsOf<Trpc["areas"]["delete"]>) {
  const refresh = useRefreshAreas();
  return useMutation(useTRPC().areas.delete.mutationOptions(refresh(options)));
}
