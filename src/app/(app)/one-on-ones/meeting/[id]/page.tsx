import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { MeetingView } from "@/components/one-on-ones/meeting-view";
import { fetchOrNotFound, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "1:1" };

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  await fetchOrNotFound(trpc.oneOnOnes.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <MeetingView id={id} />
    </HydrateClient>
  );
}
