"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { refreshing, type MutationOptionsOf } from "@/trpc/refreshing";
import { useTRPC } from "@/trpc/react";

/*
 * Every energy and capacity change, one hook each. The habit (the same in every
 * domain's mutations.ts): a component never calls `invalidateQueries` itself;
 * it calls the hook of its change, passing only what is its own (a toast,
 * emptying a field) as onSuccess/onError. The hook refreshes exactly the views
 * that show what the change touched, then runs the component's onSuccess.
 *
 * What shows what: the energy week (energy page, Home's quick log) shows
 * entries, productive hours and the weekly review; the capacity plan shows its
 * settings and items and the week's average energy beside them; Home shows the
 * plan's state and that average too.
 */

type Trpc = ReturnType<typeof useTRPC>;

function useAffects() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const energy = trpc.energy.pathKey();
  const plan = trpc.capacity.pathKey();
  const home = trpc.home.summary.queryKey();
  // The calendar audit's load sentence compares the week's energy entries around its meetings.
  const calendar = trpc.calendarAudit.week.pathKey();
  return {
    trpc,
    /** An energy entry: the energy week, the plan's energy beside it, and Home. */
    entry: <O>(options: O) => refreshing(queryClient, [energy, plan, home, calendar], options as never) as O,
    /** Productive hours, the weekly review: the energy week only. */
    week: <O>(options: O) => refreshing(queryClient, [energy], options as never) as O,
    /** The plan's settings and items: the plan and Home. */
    plan: <O>(options: O) => refreshing(queryClient, [plan, home], options as never) as O,
  };
}

export function useLogEnergy(options?: MutationOptionsOf<Trpc["energy"]["log"]>) {
  const { trpc, entry } = useAffects();
  return useMutation(trpc.energy.log.mutationOptions(entry(options)));
}
export function useUpdateEnergy(options?: MutationOptionsOf<Trpc["energy"]["update"]>) {
  const { trpc, entry } = useAffects();
  return useMutation(trpc.energy.update.mutationOptions(entry(options)));
}
export function useSetProductiveHours(options?: MutationOptionsOf<Trpc["energy"]["setProductiveHours"]>) {
  const { trpc, week } = useAffects();
  return useMutation(trpc.energy.setProductiveHours.mutationOptions(week(options)));
}
export function useSaveWeeklyReview(options?: MutationOptionsOf<Trpc["energy"]["saveReview"]>) {
  const { trpc, week } = useAffects();
  return useMutation(trpc.energy.saveReview.mutationOptions(week(options)));
}

export function useSaveCapacitySettings(options?: MutationOptionsOf<Trpc["capacity"]["saveSettings"]>) {
  const { trpc, plan } = useAffects();
  return useMutation(trpc.capacity.saveSettings.mutationOptions(plan(options)));
}
export function useAddPlanItem(options?: MutationOptionsOf<Trpc["capacity"]["addItem"]>) {
  const { trpc, plan } = useAffects();
  return useMutation(trpc.capacity.addItem.mutationOptions(plan(options)));
}
export function useRemovePlanItem(options?: MutationOptionsOf<Trpc["capacity"]["removeItem"]>) {
  const { trpc, plan } = useAffects();
  return useMutation(trpc.capacity.removeItem.mutationOptions(plan(options)));
}
