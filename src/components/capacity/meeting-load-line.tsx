"use client";

import { useQuery } from "@tanstack/react-query";
import { CalendarDays } from "lucide-react";
import { Link } from "@/components/ui/link";
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
    // The icon keeps to the first line; the text wraps beside it rather than under it on a phone.
    <p className="flex items-start gap-2 text-sm text-muted" data-testid="meeting-load-line">
      <CalendarDays aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      {data.meetings.length ? (
        <span className="min-w-0">
          <span className="text-fg">{loadLine(data.load.meetingMinutes, data.load.recurringMinutes)}</span>{" "}
          <Link className="underline underline-offset-2 hover:text-fg" href={href}>
            See the meetings
          </Link>
        </span>
      ) : (
        <Link className="min-w-0 underline underline-offset-2 hover:text-fg" href={href}>
          Import this week&apos;s calendar to see your meeting load
        </Link>
      )}
    </p>
  );
}
