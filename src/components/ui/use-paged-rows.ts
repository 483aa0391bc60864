"use client";

import { useMemo } from "react";
import type { Pages } from "./load-more";

/** An infinite query of keyset pages (useInfiniteQuery's result over a list procedure's { items, nextCursor }). */
type PagedQuery<Item> = Pages & { data?: { pages: readonly { readonly items: readonly Item[] }[] } };

/**
 * The rows of every page loaded so far, in order, and the props of the
 * "Show more" under them (`<LoadMore {...more} />`): the query, and with
 * `noun` (singular, plural) how many rows are on screen.
 */
export function usePagedRows<Item>(query: PagedQuery<Item>, noun?: readonly [one: string, many: string]) {
  const pages = query.data?.pages;
  const rows = useMemo(() => pages?.flatMap((p) => p.items) ?? [], [pages]);
  const more = { pages: query, shown: noun ? rows.length : undefined, noun: noun?.[rows.length === 1 ? 0 : 1] };
  return { rows, more };
}
