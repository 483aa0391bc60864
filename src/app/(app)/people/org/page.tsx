import type { Metadata } from "next";
import { OrgChart } from "@/components/people/org-chart";
import { PeopleTabs } from "@/components/people/people-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Org chart" };

export default async function OrgChartPage() {
  await Promise.all([prefetch(trpc.people.orgChart.queryOptions()), prefetch(trpc.people.ladder.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader title="Org chart" description="The whole organisation, with each person's direct and total reports." />
      <PeopleTabs />
      <OrgChart />
    </HydrateClient>
  );
}
