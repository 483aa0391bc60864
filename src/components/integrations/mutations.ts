"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useRefreshing, type MutationOptionsOf } from "@/trpc/refreshing";

type Trpc = ReturnType<typeof useTRPC>;

// Data sources: each change refreshes the list (the admin's settings and every metric's source picker).

function useRefreshSources() {
  const trpc = useTRPC();
  return useRefreshing(trpc.integrations.dataSources.queryKey());
}

export function useCreateDataSource(options?: MutationOptionsOf<Trpc["integrations"]["createDataSource"]>) {
  const refresh = useRefreshSources();
  return useMutation(useTRPC().integrations.createDataSource.mutationOptions(refresh(options)));
}

export function useUpdateDataSource(options?: MutationOptionsOf<Trpc["integrations"]["updateDataSource"]>) {
  const refresh = useRefreshSources();
  return useMutation(useTRPC().integrations.updateDataSource.mutationOptions(refresh(options)));
}

export function useDeleteDataSource(options?: MutationOptionsOf<Trpc["integrations"]["deleteDataSource"]>) {
  const refresh = useRefreshSources();
  return useMutation(useTRPC().integrations.deleteDataSource.mutationOptions(refresh(options)));
}

/** A connection test changes nothing: no refresh. */
export function useTestDataSource() {
  return useMutation(useTRPC().integrations.testDataSource.mutationOptions());
}
