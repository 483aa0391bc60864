import type { Metadata } from "next";
import { AddPersonDialog } from "@/components/people/add-person-dialog";
import { PeopleList } from "@/components/people/people-list";
import { PeopleTabs } from "@/components/people/people-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  await Promise.all([
    prefetch(trpc.people.list.queryOptions({ sort: "name", direction: "asc" })),
    prefetch(trpc.people.options.queryOptions()),
    prefetch(trpc.areas.list.queryOptions()),
    prefetch(trpc.people.ladder.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title="People"
        description="The managers and senior ICs in your organisation. You keep the target; they choose the how."
        actions={<AddPersonDialog />}
      />
      <PeopleTabs />
      <PeopleList />
    </HydrateClient>
  );
}
