import type { PeopleFilters } from "@/lib/people/list-params";
import type { useTRPC } from "@/trpc/react";

/**
 * The People list's pages for these filters: the one query the page prefetches
 * on the server (its first page) and the list reads and extends in the
 * browser. Not in the client component's file, so the server can call it
 * (a type-only import of the hook: the server's proxy has the same type).
 */
export const peoplePages = (trpc: ReturnType<typeof useTRPC>, filters: PeopleFilters) =>
  trpc.people.list.infiniteQueryOptions(filters, { getNextPageParam: (page) => page.nextCursor ?? undefined });
