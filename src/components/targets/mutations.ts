"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useInvalidate } from "@/trpc/refreshing";

// The targets domain's mutations, each refreshing what it changes. One habit in
// every domain's mutations module: the hook refreshes (its onSuccess awaits the
// invalidation, so the data on screen is new before the caller goes on), and the
// caller says only what the UI does next, with mutate's own callbacks or
// mutateAsync. No component calls invalidateQueries itself.
//
// A target, a metric or a check-in shows on the targets pages (list, detail, the
// person's and area's lists), on Home (targets in trouble, the palette's list)
// and on a 1:1's prep page (the person's targets and their latest values).

function useRefreshTargets() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return () => invalidate(trpc.targets.pathKey(), trpc.home.pathKey(), trpc.oneOnOnes.prep.pathKey());
}

export function useCreateTarget() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.create.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useUpdateTarget() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.update.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useSetTargetStatus() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.setStatus.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useDeleteTarget() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.delete.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useAddMetric() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.addMetric.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useUpdateMetric() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.updateMetric.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useDeleteMetric() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.deleteMetric.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useSetMilestoneDone() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.setMilestoneDone.mutationOptions({ onSuccess: useRefreshTargets() }));
}

/** Also the undo of a deleted check-in: it adds the same value back. */
export function useAddCheckIn() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.addCheckIn.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useAddCheckIns() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.addCheckIns.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useUpdateCheckIn() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.updateCheckIn.mutationOptions({ onSuccess: useRefreshTargets() }));
}

export function useDeleteCheckIn() {
  const trpc = useTRPC();
  return useMutation(trpc.targets.deleteCheckIn.mutationOptions({ onSuccess: useRefreshTargets() }));
}
