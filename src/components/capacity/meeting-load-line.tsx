"use client";

import { useQuery } from "@tanstack/react-query";
import { CalendarDays } from "lucide-react";
import Link from "next/link";
import { loadLine } from "@/lib/calendar-audit/summary";
import { useTRPC } from "@/trpc/react";

/**
 * "Meetings this week: 22 h (9 h recurring)", linking to the calendar audit:
 * one line beside the energy log and the capacity plan. Before an import it
 * says where to import the week's calendar.
 */
export function MeetingLoadLine({ weekStart }: { weekStart: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.calendarAudit.week.queryOptions({ weekStart }));
  if (!data) return null;
  const href = `/capacity/calendar?week=${weekStart}`;
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted" data-testid="meeting-load-line">
      <CalendarDays aria-hidden="true" className="size-4 shrink-0" />
      {data.meetings.length ? (
        <>
          <span className="text-fg">{loadLine(data.load.meetingMinutes, data.load.recurringMinutes)}</span>
          <Link className="underline underline-offset-2 hover:text-fg" href={href}>
            See the meetings
          </Link>
        </>
      ) : (
        <Link className="underline underline-offset-2 hover:text-fg" href={href}>
          Import this week&apos;s calendar to see your meeting load
        </Link>
      )}
    </p>
  );
}
