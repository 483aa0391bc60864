"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useRefreshing, type MutationOptionsOf } from "@/trpc/refreshing";

type Trpc = ReturnType<typeof useTRPC>;

// The inbox's mutations (the habit of every domain's mutations.ts): marking
// read refreshes the inbox's pages and the navigation's unread count.

export function useMarkRead(options?: MutationOptionsOf<Trpc["inbox"]["markRead"]>) {
  const trpc = useTRPC();
  const refresh = useRefreshing(trpc.inbox.list.pathKey(), trpc.inbox.unreadCount.queryKey());
  return useMutation(trpc.inbox.markRead.mutationOptions(refresh(options)));
}

export function useMarkAllRead(options?: MutationOptionsOf<Trpc["inbox"]["markAllRead"]>) {
  const trpc = useTRPC();
  const refresh = useRefreshing(trpc.inbox.list.pathKey(), trpc.inbox.unreadCount.queryKey());
  return useMutation(trpc.inbox.markAllRead.mutationOptions(refresh(options)));
}

export function useSetDigest(options?: MutationOptionsOf<Trpc["inbox"]["setDigest"]>) {
  const trpc = useTRPC();
  const refresh = useRefreshing(trpc.inbox.digest.queryKey());
  return useMutation(trpc.inbox.setDigest.mutationOptions(refresh(options)));
}
