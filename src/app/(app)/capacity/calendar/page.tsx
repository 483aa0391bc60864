import type { Metadata } from "next";
import { CalendarAuditPage } from "@/components/capacity/calendar-audit-page";
import { weekParam } from "@/lib/energy/week-param";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Calendar audit" };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const weekStart = weekParam((await searchParams).week);
  await prefetch(trpc.calendarAudit.week.queryOptions({ weekStart }));
  return (
    <HydrateClient>
      <CalendarAuditPage weekStart={weekStart} />
    </HydrateClient>
  );
}
