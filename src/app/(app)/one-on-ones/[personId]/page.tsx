import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PersonOneOnOnes } from "@/components/one-on-ones/person-one-on-ones";
import { fetchOrNotFound, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "1:1s" };

export default async function PersonOneOnOnesPage({ params }: { params: Promise<{ personId: string }> }) {
  const { personId } = await params;
  if (!z.uuid().safeParse(personId).success) notFound();
  await fetchOrNotFound(trpc.oneOnOnes.forPerson.queryOptions({ personId }));
  return (
    <HydrateClient>
      <PersonOneOnOnes personId={personId} />
    </HydrateClient>
  );
}
