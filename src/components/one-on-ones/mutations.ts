"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { refreshing, type MutationOptionsOf } from "@/trpc/refreshing";
import { useTRPC } from "@/trpc/react";

/*
 * Every 1:1 change, one hook each. The habit (the same in every domain's
 * mutations.ts): a component never calls `invalidateQueries` itself; it calls
 * the hook of its change, passing only what is its own (a toast, closing a
 * dialog) as onSuccess/onError. The hook refreshes exactly the views that show
 * what the change touched, then runs the component's onSuccess.
 *
 * What shows 1:1 data: every 1:1 view (overview, a person's 1:1s, a meeting,
 * prep, search) and Home, which lists the 1:1s due and booked this week, those
 * held, and the open action items. Talking points, notes and goals appear on
 * the 1:1 views only.
 */

type Trpc = ReturnType<typeof useTRPC>;
type OneOnOnes = Trpc["oneOnOnes"];

/** The query keys a kind of change makes stale. */
function useAffects() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const views = trpc.oneOnOnes.pathKey();
  const home = trpc.home.summary.queryKey();
  return {
    trpc,
    /** Meetings and action items: the 1:1 views and Home. */
    withHome: <O>(options: O, order?: "first" | "after") => refreshing(queryClient, [views, home], options as never, order) as O,
    /** Talking points, notes, goals: the 1:1 views. */
    views: <O>(options: O) => refreshing(queryClient, [views], options as never) as O,
  };
}

export function useScheduleMeeting(options?: MutationOptionsOf<OneOnOnes["schedule"]>) {
  const { trpc, withHome } = useAffects();
  return useMutation(trpc.oneOnOnes.schedule.mutationOptions(withHome(options)));
}
export function useRescheduleMeeting(options?: MutationOptionsOf<OneOnOnes["reschedule"]>) {
  const { trpc, withHome } = useAffects();
  return useMutation(trpc.oneOnOnes.reschedule.mutationOptions(withHome(options)));
}
export function useHoldMeeting(options?: MutationOptionsOf<OneOnOnes["hold"]>) {
  const { trpc, withHome } = useAffects();
  return useMutation(trpc.oneOnOnes.hold.mutationOptions(withHome(options)));
}
export function useCancelMeeting(options?: MutationOptionsOf<OneOnOnes["cancel"]>) {
  const { trpc, withHome } = useAffects();
  return useMutation(trpc.oneOnOnes.cancel.mutationOptions(withHome(options)));
}
/** The meeting page's caller leaves the page in its onSuccess: the refresh comes after, so the deleted 1:1 is not refetched. */
export function useDeleteMeeting(options?: MutationOptionsOf<OneOnOnes["delete"]>) {
  const { trpc, withHome } = useAffects();
  return useMutation(trpc.oneOnOnes.delete.mutationOptions(withHome(options, "after")));
}

export function useAddAction(options?: MutationOptionsOf<OneOnOnes["addAction"]>) {
  const { trpc, withHome } = useAffects();
  return useMutation(trpc.oneOnOnes.addAction.mutationOptions(withHome(options)));
}
export function useUpdateAction(options?: MutationOptionsOf<OneOnOnes["updateAction"]>) {
  const { trpc, withHome } = useAffects();
  return useMutation(trpc.oneOnOnes.updateAction.mutationOptions(withHome(options)));
}
export function useSetActionDone(options?: MutationOptionsOf<OneOnOnes["setActionDone"]>) {
  const { trpc, withHome } = useAffects();
  return useMutation(trpc.oneOnOnes.setActionDone.mutationOptions(withHome(options)));
}
export function useDeleteAction(options?: MutationOptionsOf<OneOnOnes["deleteAction"]>) {
  const { trpc, withHome } = useAffects();
  return useMutation(trpc.oneOnOnes.deleteAction.mutationOptions(withHome(options)));
}

export function useAddPoint(options?: MutationOptionsOf<OneOnOnes["addPoint"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.addPoint.mutationOptions(views(options)));
}
export function useUpdatePoint(options?: MutationOptionsOf<OneOnOnes["updatePoint"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.updatePoint.mutationOptions(views(options)));
}
export function useSetDiscussed(options?: MutationOptionsOf<OneOnOnes["setDiscussed"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.setDiscussed.mutationOptions(views(options)));
}
export function useDeletePoint(options?: MutationOptionsOf<OneOnOnes["deletePoint"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.deletePoint.mutationOptions(views(options)));
}

export function useAddNote(options?: MutationOptionsOf<OneOnOnes["addNote"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.addNote.mutationOptions(views(options)));
}
export function useUpdateNote(options?: MutationOptionsOf<OneOnOnes["updateNote"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.updateNote.mutationOptions(views(options)));
}
export function useDeleteNote(options?: MutationOptionsOf<OneOnOnes["deleteNote"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.deleteNote.mutationOptions(views(options)));
}

export function useAddGoal(options?: MutationOptionsOf<OneOnOnes["addGoal"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.addGoal.mutationOptions(views(options)));
}
export function useUpdateGoal(options?: MutationOptionsOf<OneOnOnes["updateGoal"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.updateGoal.mutationOptions(views(options)));
}
export function useDeleteGoal(options?: MutationOptionsOf<OneOnOnes["deleteGoal"]>) {
  const { trpc, views } = useAffects();
  return useMutation(trpc.oneOnOnes.deleteGoal.mutationOptions(views(options)));
}
