import type { Metadata } from "next";
import { DelegationTabs } from "@/components/delegation/delegation-tabs";
import { Spectrums } from "@/components/delegation/spectrums";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Delegation spectrum" };

export default async function SpectrumPage() {
  await prefetch(trpc.delegation.spectrums.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Delegation" description="The levels between doing it yourself and handing it over completely." />
      <DelegationTabs />
      <Spectrums />
    </HydrateClient>
  );
}
