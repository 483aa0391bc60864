"use client";

import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";

// The one way the domains' mutations modules (components/<domain>/mutations.ts)
// refresh what a change affects: the queries under each key are marked stale,
// those on screen refetched, and the promise settles once they have.

function invalidateAll(queryClient: QueryClient, keys: readonly QueryKey[]) {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** The options a procedure's mutation hook passes through (a toast, closing a dialog). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MutationOptionsOf<P extends { mutationOptions: (opts?: any) => unknown }> = Parameters<P["mutationOptions"]>[0];

/**
 * `refresh(options)`: the caller's options with these keys refreshed first in
 * onSuccess (see `refreshing`). No keys: the options go through as they are.
 */
export function useRefreshing(...keys: QueryKey[]) {
  const queryClient = useQueryClient();
  return <O extends WithOnSuccess>(options?: O): O | undefined => (keys.length ? refreshing(queryClient, keys, options) : options);
}

// `any` because every procedure's onSuccess has its own argument types; the
// wrapper passes them through unchanged and returns the caller's own type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type WithOnSuccess = { onSuccess?: (...args: any[]) => unknown };

/**
 * A mutation's options with its refresh added to onSuccess: the queries the
 * change affects are invalidated and awaited. "first" (the rule): refresh, then
 * the caller's own onSuccess (a toast, closing a dialog), so what the caller
 * shows next is already fresh. "after": only for a change that removes what the
 * page shows, whose caller leaves the page first, so the removed row's own query
 * is not refetched into a NOT_FOUND under the user's eyes. The domains'
 * mutations modules (components/<domain>/mutations.ts) build on it.
 */
export function refreshing<O extends WithOnSuccess>(
  queryClient: QueryClient,
  affects: readonly QueryKey[],
  options?: O,
  order: "first" | "after" = "first",
): O {
  const refresh = () => invalidateAll(queryClient, affects);
  return {
    ...options,
    onSuccess: async (...args: unknown[]) => {
      if (order === "first") await refresh();
      const result = await options?.onSuccess?.(...args);
      if (order === "after") await refresh();
      return result;
    },
  } as O;
}
