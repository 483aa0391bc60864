"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useRefreshing, type MutationOptionsOf } from "@/trpc/refreshing";

type Trpc = ReturnType<typeof useTRPC>;

// Hand-overs' mutations. The note shows on the hand-over page and, as "with a
// note", on the new manager's Home.

export function useSaveHandoverNote(options?: MutationOptionsOf<Trpc["handovers"]["saveNote"]>) {
  const trpc = useTRPC();
  const refresh = useRefreshing(trpc.handovers.pathKey(), trpc.home.pathKey());
  return useMutation(trpc.handovers.saveNote.mutationOptions(refresh(options)));
}
