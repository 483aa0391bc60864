import type { Metadata } from "next";
import { DelegationTabs } from "@/components/delegation/delegation-tabs";
import { ActiveSpectrum } from "@/components/delegation/spectrums";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/server/auth/require-session";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Delegation spectrum" };

/** The organisation's spectrum, read only: admins manage it in Organisation settings. */
export default async function SpectrumPage() {
  const { actor } = await requireSession();
  await prefetch(trpc.delegation.activeSpectrum.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Delegation" description="The levels between doing it yourself and handing it over completely." />
      <DelegationTabs />
      <ActiveSpectrum isAdmin={actor.role === "admin"} />
    </HydrateClient>
  );
}
