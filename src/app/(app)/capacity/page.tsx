import type { Metadata } from "next";
import { EnergyPage } from "@/components/capacity/energy-page";
import { weekParam } from "@/lib/energy/week-param";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Capacity" };

export default async function CapacityPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const weekStart = weekParam((await searchParams).week);
  await prefetch(trpc.energy.week.queryOptions({ weekStart }));
  return (
    <HydrateClient>
      <EnergyPage weekStart={weekStart} />
    </HydrateClient>
  );
}
