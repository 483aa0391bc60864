"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { refreshing, type MutationOptionsOf } from "@/trpc/refreshing";
import { useTRPC } from "@/trpc/react";

/*
 * Every delegation change, one hook each. The habit (the same in every domain's
 * mutations.ts): a component never calls `invalidateQueries` itself; it calls
 * the hook of its change, passing only what is its own (a toast, closing a
 * dialog) as onSuccess/onError. The hook refreshes exactly the views that show
 * what the change touched, then runs the component's onSuccess.
 *
 * What shows delegation data: every delegation view (overview, a person's
 * review, a task's history, the spectrums and the switch preview), a 1:1's prep
 * (reviews due and tasks held tighter than suggested) and Home (tasks to
 * review). A spectrum's levels are named in all of them, so spectrum changes
 * refresh the same set as task changes.
 */

type Trpc = ReturnType<typeof useTRPC>;
type Delegation = Trpc["delegation"];

function useAffects() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const affects = [trpc.delegation.pathKey(), trpc.oneOnOnes.prep.pathKey(), trpc.home.summary.queryKey(), trpc.home.mine.queryKey()];
  return { trpc, refresh: <O>(options: O) => refreshing(queryClient, affects, options as never) as O };
}

export function useCreateTask(options?: MutationOptionsOf<Delegation["createTask"]>) {
  const { trpc, refresh } = useAffects();
  return useMutation(trpc.delegation.createTask.mutationOptions(refresh(options)));
}
export function useUpdateTask(options?: MutationOptionsOf<Delegation["updateTask"]>) {
  const { trpc, refresh } = useAffects();
  return useMutation(trpc.delegation.updateTask.mutationOptions(refresh(options)));
}
export function useDeleteTask(options?: MutationOptionsOf<Delegation["deleteTask"]>) {
  const { trpc, refresh } = useAffects();
  return useMutation(trpc.delegation.deleteTask.mutationOptions(refresh(options)));
}
/** A task's level (kept in its history): changed by hand or by accepting the suggestion. */
export function useSetLevel(options?: MutationOptionsOf<Delegation["setLevel"]>) {
  const { trpc, refresh } = useAffects();
  return useMutation(trpc.delegation.setLevel.mutationOptions(refresh(options)));
}

export function useCreateSpectrum(options?: MutationOptionsOf<Delegation["createSpectrum"]>) {
  const { trpc, refresh } = useAffects();
  return useMutation(trpc.delegation.createSpectrum.mutationOptions(refresh(options)));
}
export function useUpdateSpectrum(options?: MutationOptionsOf<Delegation["updateSpectrum"]>) {
  const { trpc, refresh } = useAffects();
  return useMutation(trpc.delegation.updateSpectrum.mutationOptions(refresh(options)));
}
export function useActivateSpectrum(options?: MutationOptionsOf<Delegation["activateSpectrum"]>) {
  const { trpc, refresh } = useAffects();
  return useMutation(trpc.delegation.activateSpectrum.mutationOptions(refresh(options)));
}

// Seen from both sides: the delegatee's proposals, the delegator's answers, delegation poker.
// A refused one (a stale level: CONFLICT) refreshes too, so the page shows the level as it is now.
function useSides() {
  const { trpc, refresh } = useAffects();
  const queryClient = useQueryClient();
  const refreshOnError = <O extends { onError?: (...args: never[]) => unknown }>(options?: O) =>
    ({
      ...options,
      onError: (...args: never[]) => {
        void queryClient.invalidateQueries({ queryKey: trpc.delegation.pathKey() });
        return options?.onError?.(...args);
      },
    }) as O;
  return { trpc, options: <O>(o?: O) => refresh(refreshOnError(o as never) as O) };
}
export function useProposeLevel(options?: MutationOptionsOf<Delegation["proposeLevel"]>) {
  const { trpc, options: o } = useSides();
  return useMutation(trpc.delegation.proposeLevel.mutationOptions(o(options)));
}
export function useWithdrawProposal(options?: MutationOptionsOf<Delegation["withdrawProposal"]>) {
  const { trpc, options: o } = useSides();
  return useMutation(trpc.delegation.withdrawProposal.mutationOptions(o(options)));
}
export function useDecideProposal(options?: MutationOptionsOf<Delegation["decideProposal"]>) {
  const { trpc, options: o } = useSides();
  return useMutation(trpc.delegation.decideProposal.mutationOptions(o(options)));
}
export function useStartPoker(options?: MutationOptionsOf<Delegation["startPoker"]>) {
  const { trpc, options: o } = useSides();
  return useMutation(trpc.delegation.startPoker.mutationOptions(o(options)));
}
export function usePokerPick(options?: MutationOptionsOf<Delegation["pokerPick"]>) {
  const { trpc, options: o } = useSides();
  return useMutation(trpc.delegation.pokerPick.mutationOptions(o(options)));
}
export function usePokerAgree(options?: MutationOptionsOf<Delegation["pokerAgree"]>) {
  const { trpc, options: o } = useSides();
  return useMutation(trpc.delegation.pokerAgree.mutationOptions(o(options)));
}
export function useEndPoker(options?: MutationOptionsOf<Delegation["endPoker"]>) {
  const { trpc, options: o } = useSides();
  return useMutation(trpc.delegation.endPoker.mutationOptions(o(options)));
}
