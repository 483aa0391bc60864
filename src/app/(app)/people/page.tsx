import type { Metadata } from "next";
import { AddPersonDialog } from "@/components/people/add-person-dialog";
import { PeopleList } from "@/components/people/people-list";
import { peoplePages } from "@/components/people/people-pages";
import { PeopleTabs } from "@/components/people/people-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { peopleFilters } from "@/lib/people/list-params";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The list reads the same filters from the URL with the same parser: this prefetch is its first page.
  const filters = peopleFilters(await searchParams);
  await Promise.all([
    getQueryClient().prefetchInfiniteQuery(peoplePages(trpc, filters)),
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
