import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PrepView } from "@/components/one-on-ones/prep-view";
import { fetchOrNotFound, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "1:1 prep" };

export default async function PrepPage({ params }: { params: Promise<{ personId: string }> }) {
  const { personId } = await params;
  if (!z.uuid().safeParse(personId).success) notFound();
  await fetchOrNotFound(trpc.oneOnOnes.prep.queryOptions({ personId }));
  return (
    <HydrateClient>
      <PrepView personId={personId} />
    </HydrateClient>
  );
}
