import type { Metadata } from "next";
import { DelegatedToMe } from "@/components/delegation/delegated-to-me";
import { DelegationTabs } from "@/components/delegation/delegation-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Delegated to me" };

export default async function DelegatedToMePage() {
  await Promise.all([
    prefetch(trpc.delegation.delegatedToMe.queryOptions()),
    prefetch(trpc.delegation.pokerRounds.queryOptions()),
    prefetch(trpc.delegation.activeSpectrum.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title="Delegated to me"
        description="The work and decisions your manager delegates to you: how much of each is yours, and why. Propose another level when you are ready for more (or want less)."
      />
      <DelegationTabs />
      <DelegatedToMe />
    </HydrateClient>
  );
}
