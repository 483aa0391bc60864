"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useRefreshing, type MutationOptionsOf } from "@/trpc/refreshing";

type Trpc = ReturnType<typeof useTRPC>;

// The account's mutations, one hook per change. The habit (the same in every
// domain's mutations.ts): a component never calls invalidateQueries itself; it
// calls the hook of its change, passing only what is its own (a toast, closing a
// dialog) as the hook's options or mutate's callbacks. The hook refreshes exactly
// the views that show what the change touched (src/trpc/refreshing.ts), then runs
// the component's onSuccess, so what it shows next is already fresh.
//
// The ladder's level names show wherever a level is, all through the one ladder query.
// The profile is the account query (the server-rendered shell shows the name:
// the profile form refreshes the route as well); tokens are their own list; an
// import fills every page; changing the password and deleting the account sign
// out, so there is nothing left to refresh.

export function useUpdateProfile(options?: MutationOptionsOf<Trpc["account"]["updateProfile"]>) {
  const trpc = useTRPC();
  const refresh = useRefreshing(trpc.account.me.queryKey());
  return useMutation(trpc.account.updateProfile.mutationOptions(refresh(options)));
}

export function useChangePassword(options?: MutationOptionsOf<Trpc["account"]["changePassword"]>) {
  return useMutation(useTRPC().account.changePassword.mutationOptions(options));
}

export function useDeleteAccount(options?: MutationOptionsOf<Trpc["account"]["delete"]>) {
  return useMutation(useTRPC().account.delete.mutationOptions(options));
}

export function useImportAccount(options?: MutationOptionsOf<Trpc["account"]["import"]>) {
  const trpc = useTRPC();
  // An import fills every page: every query (the empty key is all of them).
  const refresh = useRefreshing([]);
  return useMutation(trpc.account.import.mutationOptions(refresh(options)));
}

/** The level names (settings page); people.ladder is the one query that reads them. */
export function useUpdateLadder(options?: MutationOptionsOf<Trpc["people"]["updateLadder"]>) {
  const trpc = useTRPC();
  const refresh = useRefreshing(trpc.people.ladder.queryKey());
  return useMutation(trpc.people.updateLadder.mutationOptions(refresh(options)));
}

function useRefreshTokens() {
  const trpc = useTRPC();
  return useRefreshing(trpc.apiTokens.pathKey());
}

export function useCreateApiToken(options?: MutationOptionsOf<Trpc["apiTokens"]["create"]>) {
  const refresh = useRefreshTokens();
  return useMutation(useTRPC().apiTokens.create.mutationOptions(refresh(options)));
}

export function useRevokeApiToken(options?: MutationOptionsOf<Trpc["apiTokens"]["revoke"]>) {
  const refresh = useRefreshTokens();
  return useMutation(useTRPC().apiTokens.revoke.mutationOptions(refresh(options)));
}

function useRefreshCalendarFeed() {
  const trpc = useTRPC();
  return useRefreshing(trpc.calendar.pathKey());
}

/** Makes the calendar feed's URL, or replaces it (regenerating). */
export function useCreateCalendarFeed(options?: MutationOptionsOf<Trpc["calendar"]["createFeed"]>) {
  const refresh = useRefreshCalendarFeed();
  return useMutation(useTRPC().calendar.createFeed.mutationOptions(refresh(options)));
}

export function useRevokeCalendarFeed(options?: MutationOptionsOf<Trpc["calendar"]["revokeFeed"]>) {
  const refresh = useRefreshCalendarFeed();
  return useMutation(useTRPC().calendar.revokeFeed.mutationOptions(refresh(options)));
}
