"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useInvalidate } from "@/trpc/refreshing";

// The account's mutations, each refreshing what it changes. One habit in every
// domain's mutations module: the hook refreshes (its onSuccess awaits the
// invalidation, so the data on screen is new before the caller goes on), and the
// caller says only what the UI does next, with mutate's own callbacks or
// mutateAsync. No component calls invalidateQueries itself.
//
// The ladder's level names show wherever a level is, all through the one ladder query.
// The profile is the account query (the server-rendered shell shows the name:
// the profile form refreshes the route as well); tokens are their own list; an
// import fills every page; changing the password and deleting the account sign
// out, so there is nothing left to refresh.

export function useUpdateProfile() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.account.updateProfile.mutationOptions({ onSuccess: () => invalidate(trpc.account.me.queryKey()) }));
}

export function useChangePassword() {
  const trpc = useTRPC();
  return useMutation(trpc.account.changePassword.mutationOptions());
}

export function useDeleteAccount() {
  const trpc = useTRPC();
  return useMutation(trpc.account.delete.mutationOptions());
}

export function useImportAccount() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  // An import fills every page: every query (the empty key is all of them).
  return useMutation(trpc.account.import.mutationOptions({ onSuccess: () => invalidate([]) }));
}

/** The level names (settings page); people.ladder is the one query that reads them. */
export function useUpdateLadder() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(trpc.people.updateLadder.mutationOptions({ onSuccess: () => invalidate(trpc.people.ladder.queryKey()) }));
}

function useRefreshTokens() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return () => invalidate(trpc.apiTokens.pathKey());
}

export function useCreateApiToken() {
  const trpc = useTRPC();
  return useMutation(trpc.apiTokens.create.mutationOptions({ onSuccess: useRefreshTokens() }));
}

export function useRevokeApiToken() {
  const trpc = useTRPC();
  return useMutation(trpc.apiTokens.revoke.mutationOptions({ onSuccess: useRefreshTokens() }));
}
