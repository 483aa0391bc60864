import type { Metadata } from "next";
import { HomeSummary } from "@/components/home/home-summary";
import { PageHeader } from "@/components/ui/page-header";
import { greeting } from "@/lib/greeting";
import { requireSession } from "@/server/auth/require-session";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const { user } = await requireSession();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  await Promise.all([prefetch(trpc.home.summary.queryOptions()), prefetch(trpc.energy.week.queryOptions({}))]);
  return (
    <HydrateClient>
      <PageHeader
        title={`${greeting(new Date(), user.timeZone)}, ${firstName}`}
        description="Your week at a glance. Press Ctrl K (⌘ K on a Mac) to jump anywhere."
      />
      <HomeSummary />
    </HydrateClient>
  );
}
