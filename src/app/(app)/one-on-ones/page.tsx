import type { Metadata } from "next";
import { OneOnOnesOverview } from "@/components/one-on-ones/overview";
import { notesSearchQuery, SEARCH_PARAM } from "@/lib/one-on-ones/search-query";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "1:1s" };

export default async function OneOnOnesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The notes search lives in the address: a reload or a shared link shows the same results.
  const raw = (await searchParams)[SEARCH_PARAM];
  const search = typeof raw === "string" ? raw : Array.isArray(raw) ? (raw[0] ?? "") : "";
  const query = notesSearchQuery(search);
  await Promise.all([
    prefetch(trpc.oneOnOnes.overview.queryOptions()),
    // "Others you held 1:1s with": its first page, with the list's options (overview.tsx otherPeoplePages).
    getQueryClient().prefetchInfiniteQuery(
      trpc.oneOnOnes.others.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    ),
    query
      ? getQueryClient().prefetchInfiniteQuery(
          trpc.oneOnOnes.search.infiniteQueryOptions({ query }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
        )
      : null,
  ]);
  return (
    <HydrateClient>
      <OneOnOnesOverview search={search} />
    </HydrateClient>
  );
}
