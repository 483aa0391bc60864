"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

// The account's mutations, each refreshing what it changes. One habit in every
// domain's mutations module: the hook refreshes (its onSuccess awaits the
// invalidation, so the data on screen is new before the caller goes on), and the
// caller says only what the UI does next, with mutate's own callbacks or
// mutateAsync. No component calls invalidateQueries itself.
//
// The profile is the account query (the server-rendered shell shows the name:
// the profile form refreshes the route as well); tokens are their own list; an
// import fills every page; changing the password and deleting the account sign
// out, so there is nothing left to refresh.

export function useUpdateProfile() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.account.updateProfile.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() }) }),
  );
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
  const queryClient = useQueryClient();
  return useMutation(trpc.account.import.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
}

function useRefreshTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.pathKey() });
}

export function useCreateApiToken() {
  const trpc = useTRPC();
  return useMutation(trpc.apiTokens.create.mutationOptions({ onSuccess: useRefreshTokens() }));
}

export function useRevokeApiToken() {
  const trpc = useTRPC();
  return useMutation(trpc.apiTokens.revoke.mutationOptions({ onSuccess: useRefreshTokens() }));
}
