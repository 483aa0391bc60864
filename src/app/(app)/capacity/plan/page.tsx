import type { Metadata } from "next";
import { CapacityPlan } from "@/components/capacity/capacity-plan";
import { weekParam } from "@/lib/energy/week-param";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Capacity plan" };

export default async function CapacityPlanPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const weekStart = weekParam((await searchParams).week);
  await prefetch(trpc.capacity.plan.queryOptions({ weekStart }));
  return (
    <HydrateClient>
      <CapacityPlan weekStart={weekStart} />
    </HydrateClient>
  );
}
