import type { Metadata } from "next";
import { AreaList, NewAreaButton } from "@/components/areas/area-list";
import { PeopleTabs } from "@/components/people/people-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Areas" };

export default async function AreasPage() {
  await Promise.all([prefetch(trpc.areas.list.queryOptions()), prefetch(trpc.people.options.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Areas"
        description="Each area has an EM and a senior IC who oversee it together and share its targets."
        actions={<NewAreaButton />}
      />
      <PeopleTabs />
      <AreaList />
    </HydrateClient>
  );
}
