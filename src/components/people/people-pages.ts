import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { PeopleFilters } from "@/lib/people/list-params";
import type { AppRouter } from "@/server/api/root";

/**
 * The People list's pages for these filters: the one query the page prefetches
 * on the server (its first page) and the list reads and extends in the
 * browser. Not in the client component's file, so the server can call it.
 */
export const peoplePages = (trpc: TRPCOptionsProxy<AppRouter>, filters: PeopleFilters) =>
  trpc.people.list.infiniteQueryOptions(filters, { getNextPageParam: (page) => page.nextCursor ?? undefined });
