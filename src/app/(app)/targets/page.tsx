import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Network } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { ExportTargets } from "@/components/targets/export-targets";
import { ImportOpenSloDialog } from "@/components/targets/import-openslo-dialog";
import { NewTargetButton } from "@/components/targets/new-target-button";
import { TargetsList } from "@/components/targets/targets-list";
import { targetFilters, targetPages } from "@/lib/targets/list-params";
import { NEW_TARGET_AREA_PARAM } from "@/lib/search/palette-actions";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Targets" };

export default async function TargetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const making = params.new;
  // The palette's "New target for this area" (lib/search/palette-actions.ts).
  const area = typeof params[NEW_TARGET_AREA_PARAM] === "string" ? params[NEW_TARGET_AREA_PARAM] : undefined;
  // The list reads the same filters from the URL with the same parser: this prefetch is its first query.
  // The first page only (the list loads the next on demand).
  await Promise.all([
    getQueryClient().prefetchInfiniteQuery(trpc.targets.list.infiniteQueryOptions(targetFilters(params), targetPages)),
    prefetch(trpc.targets.formOptions.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title="Targets"
        description="What each pair is aiming at. Off-track and at-risk targets come first."
        actions={
          <>
            <Link
              href="/targets/tree"
              className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-4 text-sm font-medium hover:bg-surface-2"
            >
              <Network aria-hidden="true" className="size-4" /> Trees
            </Link>
            <ExportTargets />
            <ImportOpenSloDialog />
            <NewTargetButton defaultOpen={making === "target"} areaId={making === "target" ? area : undefined} />
          </>
        }
      />
      <TargetsList />
    </HydrateClient>
  );
}
