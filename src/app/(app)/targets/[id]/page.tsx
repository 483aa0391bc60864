import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TargetDetail } from "@/components/targets/target-detail";
import { prerenderMarkdown } from "@/components/ui/prerender-markdown";
import { PrerenderedMarkdown } from "@/components/ui/rendered-markdown";
import { fetchOrNotFound, getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Target" };

export default async function TargetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [target] = await Promise.all([
    fetchOrNotFound(trpc.targets.get.queryOptions({ id })),
    prefetch(trpc.targets.formOptions.queryOptions()),
    // Where it sits: what it is part of, and its sub-targets rolled up.
    prefetch(trpc.targets.tree.queryOptions({ id })),
    // The pair's side, beside the numbers: the week's status and the thread's newest page.
    prefetch(trpc.targets.statusUpdates.queryOptions({ targetId: id })),
    getQueryClient().prefetchInfiniteQuery(
      trpc.targets.comments.infiniteQueryOptions({ targetId: id }, { getNextPageParam: (page) => page.olderCursor ?? undefined }),
    ),
  ]);
  // Where each number metric's values come from (MetricPull): read here, not after the page loads.
  await Promise.all(
    target.metrics.filter((m) => m.kind === "number").map((m) => prefetch(trpc.integrations.binding.queryOptions({ metricId: m.id }))),
  );
  return (
    <HydrateClient>
      {/* The description rendered here: the page hydrates without the markdown library. */}
      <PrerenderedMarkdown rendered={prerenderMarkdown([target.description])}>
        <TargetDetail id={id} />
      </PrerenderedMarkdown>
    </HydrateClient>
  );
}
