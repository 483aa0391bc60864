"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRefreshing, type MutationOptionsOf } from "@/trpc/refreshing";
import { useTRPC } from "@/trpc/react";

/*
 * The calendar audit's changes, one hook each (the habit of every domain's
 * mutations.ts). The calendar week is all they touch: the calendar page, the
 * meeting-load lines beside the energy log and the plan, and the energy log
 * form's suggestions all read it.
 */

type Trpc = ReturnType<typeof useTRPC>;

export function useImportCalendar(options?: MutationOptionsOf<Trpc["calendarAudit"]["import"]>) {
  const trpc = useTRPC();
  const refresh = useRefreshing(trpc.calendarAudit.pathKey());
  return useMutation(trpc.calendarAudit.import.mutationOptions(refresh(options)));
}

export function useTagMeeting(options?: MutationOptionsOf<Trpc["calendarAudit"]["tag"]>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshing(trpc.calendarAudit.pathKey());
  return useMutation(
    trpc.calendarAudit.tag.mutationOptions({
      ...refresh(options),
      // A refused tag (changed in another tab meanwhile): the list reloads, so the next change starts from what is saved.
      onError: (...args) => {
        void queryClient.invalidateQueries({ queryKey: trpc.calendarAudit.pathKey() });
        return options?.onError?.(...args);
      },
    }),
  );
}

export function useClearCalendarWeek(options?: MutationOptionsOf<Trpc["calendarAudit"]["clear"]>) {
  const trpc = useTRPC();
  const refresh = useRefreshing(trpc.calendarAudit.pathKey());
  return useMutation(trpc.calendarAudit.clear.mutationOptions(refresh(options)));
}
