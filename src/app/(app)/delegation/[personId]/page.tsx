import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PersonReview } from "@/components/delegation/person-review";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Delegation review" };

export default async function PersonDelegationPage({ params }: { params: Promise<{ personId: string }> }) {
  const { personId } = await params;
  if (!z.uuid().safeParse(personId).success) notFound();
  await Promise.all([
    fetchOrNotFound(trpc.delegation.review.queryOptions({ personId })),
    prefetch(trpc.delegation.activeSpectrum.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PersonReview personId={personId} />
    </HydrateClient>
  );
}
