import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AreaDetail } from "@/components/areas/area-detail";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Area" };

export default async function AreaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  await Promise.all([fetchOrNotFound(trpc.areas.get.queryOptions({ id })), prefetch(trpc.people.ladder.queryOptions())]);
  return (
    <HydrateClient>
      <AreaDetail id={id} />
    </HydrateClient>
  );
}
