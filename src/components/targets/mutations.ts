"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useRefreshing, type MutationOptionsOf } from "@/trpc/refreshing";

type Trpc = ReturnType<typeof useTRPC>;

// The targets domain's mutations, one hook per change. The habit (the same in every
// domain's mutations.ts): a component never calls invalidateQueries itself; it
// calls the hook of its change, passing only what is its own (a toast, closing a
// dialog) as the hook's options or mutate's callbacks. The hook refreshes exactly
// the views that show what the change touched (src/trpc/refreshing.ts), then runs
// the component's onSuccess, so what it shows next is already fresh.
//
// A target, a metric or a check-in shows on the targets pages (list, detail, the
// person's and area's lists), on Home (targets in trouble, the palette's list)
// and on a 1:1's prep page (the person's targets and their latest values).

function useRefreshTargets() {
  const trpc = useTRPC();
  return useRefreshing(trpc.targets.pathKey(), trpc.home.pathKey(), trpc.oneOnOnes.prep.pathKey());
}

export function useCreateTarget(options?: MutationOptionsOf<Trpc["targets"]["create"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.create.mutationOptions(refresh(options)));
}

export function useUpdateTarget(options?: MutationOptionsOf<Trpc["targets"]["update"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.update.mutationOptions(refresh(options)));
}

export function useSetTargetStatus(options?: MutationOptionsOf<Trpc["targets"]["setStatus"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.setStatus.mutationOptions(refresh(options)));
}

export function useDeleteTarget(options?: MutationOptionsOf<Trpc["targets"]["delete"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.delete.mutationOptions(refresh(options)));
}

export function useAddMetric(options?: MutationOptionsOf<Trpc["targets"]["addMetric"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.addMetric.mutationOptions(refresh(options)));
}

export function useUpdateMetric(options?: MutationOptionsOf<Trpc["targets"]["updateMetric"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.updateMetric.mutationOptions(refresh(options)));
}

export function useDeleteMetric(options?: MutationOptionsOf<Trpc["targets"]["deleteMetric"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.deleteMetric.mutationOptions(refresh(options)));
}

export function useSetMilestoneDone(options?: MutationOptionsOf<Trpc["targets"]["setMilestoneDone"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.setMilestoneDone.mutationOptions(refresh(options)));
}

/** Also the undo of a deleted check-in: it adds the same value back. */
export function useAddCheckIn(options?: MutationOptionsOf<Trpc["targets"]["addCheckIn"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.addCheckIn.mutationOptions(refresh(options)));
}

export function useAddCheckIns(options?: MutationOptionsOf<Trpc["targets"]["addCheckIns"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.addCheckIns.mutationOptions(refresh(options)));
}

export function useUpdateCheckIn(options?: MutationOptionsOf<Trpc["targets"]["updateCheckIn"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.updateCheckIn.mutationOptions(refresh(options)));
}

export function useDeleteCheckIn(options?: MutationOptionsOf<Trpc["targets"]["deleteCheckIn"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.deleteCheckIn.mutationOptions(refresh(options)));
}

// The pair's side of a target: its thread and its weekly status, shown on the target's page only,
// so a change refreshes that list alone (not the target, its metrics or Home).

export function useAddComment(options?: MutationOptionsOf<Trpc["targets"]["addComment"]>) {
  const refresh = useRefreshing(useTRPC().targets.comments.pathKey());
  return useMutation(useTRPC().targets.addComment.mutationOptions(refresh(options)));
}

export function useDeleteComment(options?: MutationOptionsOf<Trpc["targets"]["deleteComment"]>) {
  const refresh = useRefreshing(useTRPC().targets.comments.pathKey());
  return useMutation(useTRPC().targets.deleteComment.mutationOptions(refresh(options)));
}

export function useSaveStatus(options?: MutationOptionsOf<Trpc["targets"]["saveStatus"]>) {
  const refresh = useRefreshing(useTRPC().targets.statusUpdates.pathKey());
  return useMutation(useTRPC().targets.saveStatus.mutationOptions(refresh(options)));
}

/** A sub-target moved out from under its parent (or under another target): every tree and list that shows it changes. */
export function useSetTargetParent(options?: MutationOptionsOf<Trpc["targets"]["setParent"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.setParent.mutationOptions(refresh(options)));
}

/** An OpenSLO file becomes a new reliability target (with its metric). */
export function useImportOpenSlo(options?: MutationOptionsOf<Trpc["targets"]["importOpenSlo"]>) {
  const refresh = useRefreshTargets();
  return useMutation(useTRPC().targets.importOpenSlo.mutationOptions(refresh(options)));
}
