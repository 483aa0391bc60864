import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PersonDetail } from "@/components/people/person-detail";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  // Fetched (not just prefetched) so that a missing or another user's person shows the 404 page.
  await Promise.all([
    fetchOrNotFound(trpc.people.get.queryOptions({ id })),
    prefetch(trpc.people.ladder.queryOptions()),
    prefetch(trpc.members.statusOf.queryOptions({ personId: id })),
  ]);
  return (
    <HydrateClient>
      <PersonDetail id={id} />
    </HydrateClient>
  );
}
