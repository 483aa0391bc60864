import type { Metadata } from "next";
import { MyPrepView } from "@/components/one-on-ones/my-prep-view";
import { fetchOrNotFound, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Prepare your 1:1" };

/** The report's own prep page, for their next 1:1 with their manager (the static segment wins over [personId]). */
export default async function MyPrepPage() {
  await fetchOrNotFound(trpc.oneOnOnes.myPrep.queryOptions());
  return (
    <HydrateClient>
      <MyPrepView />
    </HydrateClient>
  );
}
