import type { Metadata } from "next";
import { DelegationOverview } from "@/components/delegation/overview";
import { DelegationTabs } from "@/components/delegation/delegation-tabs";
import { ExportTasks } from "@/components/delegation/export-tasks";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Delegation" };

export default async function DelegationPage() {
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
