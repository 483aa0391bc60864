import type { Metadata } from "next";
import { HomeSummary } from "@/components/home/home-summary";
import { MyHome } from "@/components/home/my-home";
import { PageHeader } from "@/components/ui/page-header";
import { weekStartOf } from "@/lib/energy/week";
import { greeting } from "@/lib/greeting";
import { todayIn } from "@/lib/today";
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
  // The energy card (and its form) reads its week and the calendar's meetings by the week's first
  // day: fetched here with the rest, they are not two requests and a second render after load.
  const weekStart = weekStartOf(todayIn(user.timeZone));
  await Promise.all([
    own ? prefetch(trpc.home.mine.queryOptions()) : prefetch(trpc.home.summary.queryOptions()),
    prefetch(trpc.energy.week.queryOptions({ weekStart })),
    prefetch(trpc.calendarAudit.week.queryOptions({ weekStart })),
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
