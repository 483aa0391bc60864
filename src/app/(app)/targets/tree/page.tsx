import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { TargetTrees } from "@/components/targets/target-trees";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Target trees" };

export default async function TargetTreesPage() {
  // The first page of trees, with the list's own options (target-trees.tsx treePages).
  await getQueryClient().prefetchInfiniteQuery(
    trpc.targets.trees.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  return (
    <HydrateClient>
      <PageHeader
        title="Target trees"
        description="Your targets and the sub-targets set under them, down the chart. Each branch shows its worst health, so the one off track stands out."
      />
      <TargetTrees />
    </HydrateClient>
  );
}
