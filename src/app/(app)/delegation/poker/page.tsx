import type { Metadata } from "next";
import { DelegationTabs } from "@/components/delegation/delegation-tabs";
import { PokerRounds } from "@/components/delegation/poker";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Delegation poker" };

export default async function DelegationPokerPage() {
  await Promise.all([prefetch(trpc.delegation.pokerRounds.queryOptions()), prefetch(trpc.delegation.activeSpectrum.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Delegation poker"
        description="Each of you picks a level for each task without seeing the other's pick. Both are revealed together; then the delegator records the level you agree on."
      />
      <DelegationTabs />
      <PokerRounds />
    </HydrateClient>
  );
}
