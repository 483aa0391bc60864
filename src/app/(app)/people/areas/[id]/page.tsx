import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AreaDetail } from "@/components/areas/area-detail";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Area" };

export default async function AreaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [area] = await Promise.all([
    getQueryClient().fetchQuery(trpc.areas.get.queryOptions({ id })).catch(() => null),
    prefetch(trpc.people.ladder.queryOptions()),
  ]);
  if (!area) notFound();
  return (
    <HydrateClient>
      <AreaDetail id={id} />
    </HydrateClient>
  );
}
