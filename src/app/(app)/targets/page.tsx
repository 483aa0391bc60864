import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ExportTargets } from "@/components/targets/export-targets";
import { NewTargetButton } from "@/components/targets/new-target-button";
import { TargetsList } from "@/components/targets/targets-list";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Targets" };

export default async function TargetsPage({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const { new: making } = await searchParams;
  await Promise.all([prefetch(trpc.targets.list.queryOptions({ status: "active" })), prefetch(trpc.targets.formOptions.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Targets"
        description="What each pair is aiming at. Off-track and at-risk targets come first."
        actions={
          <>
            <ExportTargets />
            <NewTargetButton defaultOpen={making === "target"} />
          </>
        }
      />
      <TargetsList />
    </HydrateClient>
  );
}
