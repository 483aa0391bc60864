"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";

/**
 * Marks the queries under each key stale and refetches those on screen; the
 * promise settles once they have. For the domains' mutations modules
 * (components/<domain>/mutations.ts), which name what each change affects.
 */
export function useInvalidate() {
  const queryClient = useQueryClient();
  return async (...keys: QueryKey[]) => {
    await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}
