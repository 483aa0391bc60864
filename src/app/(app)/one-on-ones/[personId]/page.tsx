import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PersonOneOnOnes } from "@/components/one-on-ones/person-one-on-ones";
import { SCHEDULE_PARAM } from "@/lib/search/palette-actions";
import { fetchOrNotFound, getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "1:1s" };

export default async function PersonOneOnOnesPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { personId } = await params;
  const scheduling = (await searchParams)[SCHEDULE_PARAM] === "1";
  if (!z.uuid().safeParse(personId).success) notFound();
  await Promise.all([
    fetchOrNotFound(trpc.oneOnOnes.forPerson.queryOptions({ personId })),
    // The past 1:1s' first page, with the same options as the list's (meeting-list.tsx historyPages).
    getQueryClient().prefetchInfiniteQuery(
      trpc.oneOnOnes.history.infiniteQueryOptions({ personId }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    ),
  ]);
  return (
    <HydrateClient>
      <PersonOneOnOnes personId={personId} scheduling={scheduling} />
    </HydrateClient>
  );
}
