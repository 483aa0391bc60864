import type { Metadata } from "next";
import { OneOnOnesOverview } from "@/components/one-on-ones/overview";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "1:1s" };

export default async function OneOnOnesPage() {
  await prefetch(trpc.oneOnOnes.overview.queryOptions());
  return (
    <HydrateClient>
      <OneOnOnesOverview />
    </HydrateClient>
  );
}
