"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
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
  const current = params.toString();
  // Next applies a replaceState in a transition: until the URL shows the new query, the filters
  // are the new query's (parsed the same way), so a select does not flick back to its old value.
  const [pending, setPending] = useState<{ search: string; value: T } | null>(null);
  const fromUrl = useMemo(() => parse(params), [parse, params]);
  useEffect(() => {
    if (pending && pending.search === current) setPending(null);
  }, [pending, current]);
  const value = pending && pending.search !== current ? pending.value : fromUrl;
  const set = (next: W) => {
    const search = toSearch(next);
    setPending({ search, value: parse(new URLSearchParams(search)) });
    window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
  };
  return [value, set, params] as const;
}
