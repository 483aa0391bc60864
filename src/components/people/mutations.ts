"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useRefreshing, type MutationOptionsOf } from "@/trpc/refreshing";

type Trpc = ReturnType<typeof useTRPC>;

// The people domain's mutations, one hook per change. The habit (the same in every
// domain's mutations.ts): a component never calls invalidateQueries itself; it
// calls the hook of its change, passing only what is its own (a toast, closing a
// dialog) as the hook's options or mutate's callbacks. The hook refreshes exactly
// the views that show what the change touched (src/trpc/refreshing.ts), then runs
// the component's onSuccess, so what it shows next is already fresh.
//
// A person's name, track, level, manager and whether they are archived show on
// nearly every page: the people pages, areas (the pair), targets (owners, the
// owner picker), delegation, 1:1s, capacity (time for each report) and Home.

function useRefreshPeople() {
  const trpc = useTRPC();
  return useRefreshing(
    ...[trpc.people, trpc.areas, trpc.targets, trpc.delegation, trpc.oneOnOnes, trpc.capacity, trpc.home].map((router) => router.pathKey()),
  );
}

/** Loading the demo organisation fills every page: every query (the empty key is all of them). */
function useRefreshEverything() {
  return useRefreshing([]);
}

export function useCreatePerson(options?: MutationOptionsOf<Trpc["people"]["create"]>) {
  const refresh = useRefreshPeople();
  return useMutation(useTRPC().people.create.mutationOptions(refresh(options)));
}

export function useUpdatePerson(options?: MutationOptionsOf<Trpc["people"]["update"]>) {
  const refresh = useRefreshPeople();
  return useMutation(useTRPC().people.update.mutationOptions(refresh(options)));
}

export function useArchivePerson(options?: MutationOptionsOf<Trpc["people"]["archive"]>) {
  const refresh = useRefreshPeople();
  return useMutation(useTRPC().people.archive.mutationOptions(refresh(options)));
}

/** Also the undo of an archive. */
export function useRestorePerson(options?: MutationOptionsOf<Trpc["people"]["restore"]>) {
  const refresh = useRefreshPeople();
  return useMutation(useTRPC().people.restore.mutationOptions(refresh(options)));
}

/** Checking a CSV changes nothing: nothing to refresh. */
export function usePreviewImport(options?: MutationOptionsOf<Trpc["people"]["previewImport"]>) {
  return useMutation(useTRPC().people.previewImport.mutationOptions(options));
}

export function useCommitImport(options?: MutationOptionsOf<Trpc["people"]["commitImport"]>) {
  const refresh = useRefreshPeople();
  return useMutation(useTRPC().people.commitImport.mutationOptions(refresh(options)));
}

export function useLoadDemo(options?: MutationOptionsOf<Trpc["people"]["loadDemo"]>) {
  const refresh = useRefreshEverything();
  return useMutation(useTRPC().people.loadDemo.mutationOptions(refresh(options)));
}
