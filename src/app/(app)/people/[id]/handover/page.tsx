import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HandoverPage } from "@/components/handovers";
import { fetchOrNotFound, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Hand-over" };

/** A person's hand-over page: for the new manager, the line above them and the old manager (anyone else: not found). */
export default async function PersonHandoverPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  await fetchOrNotFound(trpc.handovers.page.queryOptions({ personId: id }));
  return (
    <HydrateClient>
      <HandoverPage personId={id} />
    </HydrateClient>
  );
}
