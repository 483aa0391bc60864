import type { Metadata } from "next";
import { HomeSummary } from "@/components/home/home-summary";
import { MyHome } from "@/components/home/my-home";
import { PageHeader } from "@/components/ui/page-header";
import { greeting } from "@/lib/greeting";
import { requireSession } from "@/server/auth/require-session";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Home" };

/**
 * Home: the manager's week when someone reports to the member, or their own
 * view (next 1:1, actions, targets, levels) when nobody does.
 */
export default async function HomePage() {
  const { user } = await requireSession();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  const { kind } = await getQueryClient().fetchQuery(trpc.home.kind.queryOptions());
  const own = kind === "own";
  await Promise.all([
    own ? prefetch(trpc.home.mine.queryOptions()) : prefetch(trpc.home.summary.queryOptions()),
    prefetch(trpc.energy.week.queryOptions({})),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title={`${greeting(new Date(), user.timeZone)}, ${firstName}`}
        description={
          own
            ? "Your next 1:1, what is open on both sides, your targets and how much of your work is yours to decide. Press Ctrl K (⌘ K on a Mac) to jump anywhere."
            : "Your week at a glance. Press Ctrl K (⌘ K on a Mac) to jump anywhere."
        }
      />
      {own ? <MyHome /> : <HomeSummary />}
    </HydrateClient>
  );
}
