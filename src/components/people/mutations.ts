"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useInvalidate } from "@/trpc/refreshing";

// The people domain's mutations, each refreshing what it changes. One habit in
// every domain's mutations module: the hook refreshes (its onSuccess awaits the
// invalidation, so the data on screen is new before the caller goes on), and the
// caller says only what the UI does next, with mutate's own callbacks or
// mutateAsync. No component calls invalidateQueries itself.
//
// A person's name, track, level, manager and whether they are archived show on
// nearly every page: the people pages, areas (the pair), targets (owners, the
// owner picker), delegation, 1:1s, capacity (time for each report) and Home.

function useRefreshPeople() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return () =>
    invalidate(
      ...[trpc.people, trpc.areas, trpc.targets, trpc.delegation, trpc.oneOnOnes, trpc.capacity, trpc.home].map((router) =>
        router.pathKey(),
      ),
    );
}

/** Loading the demo organisation fills every page: every query (the empty key is all of them). */
function useRefreshEverything() {
  const invalidate = useInvalidate();
  return () => invalidate([]);
}

export function useCreatePerson() {
  const trpc = useTRPC();
  return useMutation(trpc.people.create.mutationOptions({ onSuccess: useRefreshPeople() }));
}

export function useUpdatePerson() {
  const trpc = useTRPC();
  return useMutation(trpc.people.update.mutationOptions({ onSuccess: useRefreshPeople() }));
}

export function useArchivePerson() {
  const trpc = useTRPC();
  return useMutation(trpc.people.archive.mutationOptions({ onSuccess: useRefreshPeople() }));
}

/** Also the undo of an archive. */
export function useRestorePerson() {
  const trpc = useTRPC();
  return useMutation(trpc.people.restore.mutationOptions({ onSuccess: useRefreshPeople() }));
}

/** Checking a CSV changes nothing: nothing to refresh. */
export function usePreviewImport() {
  const trpc = useTRPC();
  return useMutation(trpc.people.previewImport.mutationOptions());
}

export function useCommitImport() {
  const trpc = useTRPC();
  return useMutation(trpc.people.commitImport.mutationOptions({ onSuccess: useRefreshPeople() }));
}

export function useLoadDemo() {
  const trpc = useTRPC();
  return useMutation(trpc.people.loadDemo.mutationOptions({ onSuccess: useRefreshEverything() }));
}
