import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DelegationOverview } from "@/components/delegation/overview";
import { DelegationTabs } from "@/components/delegation/delegation-tabs";
import { ExportTasks } from "@/components/delegation/export-tasks";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Delegation" };

export default async function DelegationPage() {
  // Someone nobody reports to delegates nothing (a delegatee is below the delegator): their Delegation is what is delegated to them.
  const { kind } = await getQueryClient().fetchQuery(trpc.home.kind.queryOptions());
  if (kind === "own") redirect("/delegation/mine");
  await Promise.all([prefetch(trpc.delegation.overview.queryOptions()), prefetch(trpc.people.options.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Delegation"
        description="How much control you keep on each task, against what the person's competency and the task's criticality suggest."
        actions={<ExportTasks />}
      />
      <DelegationTabs />
      <DelegationOverview />
    </HydrateClient>
  );
}
