"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { ParamSource } from "@/lib/list-params";

/**
 * A list's filters read from the URL with the same parser its page prefetches
 * with (src/lib/<domain>/list-params.ts), so the two cannot disagree; `set`
 * writes them back. It uses history.replaceState, which Next's router follows
 * (useSearchParams changes) without a round trip to the server: changing a
 * filter refetches only the list, and Back leaves the page rather than
 * stepping through every filter tried. (nuqs does the same; this is its one
 * use here, not worth a dependency.)
 */
export function useUrlFilters<T, W = T>(parse: (params: ParamSource) => T, toSearch: (value: W) => string) {
  const params = useSearchParams();
  const pathname = usePathname();
  const value = useMemo(() => parse(params), [parse, params]);
  const set = (next: W) => {
    const search = toSearch(next);
    window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
  };
  return [value, set, params] as const;
}
