"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { LoadMore } from "@/components/ui/load-more";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { DISPLAY_LOCALE } from "@/lib/format";
import { useTimeZone } from "@/components/ui/today";
import { useTRPC } from "@/trpc/react";

type Meeting = { id: string; scheduledAt: Date; status: "scheduled" | "held" | "cancelled"; heldAt: Date | null };

const STATUS = { scheduled: ["Scheduled", "accent"], held: ["Held", "success"], cancelled: ["Cancelled", "neutral"] } as const;

/** A person's past 1:1s, a page at a time: the same options on the page's server (its prefetch) and here. */
export const historyPages = (trpc: ReturnType<typeof useTRPC>, personId: string) =>
  trpc.oneOnOnes.history.infiniteQueryOptions({ personId }, { getNextPageParam: (page) => page.nextCursor ?? undefined });

function when(d: Date, timeZone: string) {
  return d.toLocaleString(DISPLAY_LOCALE, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/**
 * A person's 1:1s, newest first, each linking to its page: those booked (the
 * page's own), then the past ones a page at a time, "Show more" for earlier.
 */
export function MeetingList({ personId, upcoming }: { personId: string; upcoming: Meeting[] }) {
  const timeZone = useTimeZone();
  const trpc = useTRPC();
  const history = useInfiniteQuery(historyPages(trpc, personId));
  const { rows: past, more } = usePagedRows(history);
  const meetings = [...[...upcoming].reverse(), ...past];
  if (meetings.length === 0 && !history.isPending)
    return <p className="text-sm text-muted">No 1:1s yet. Schedule one, or start one now.</p>;
  return (
    <>
      <ul className="grid gap-1" aria-label="1:1s">
        {meetings.map((m) => {
          const [label, tone] = STATUS[m.status];
          return (
            <li key={m.id}>
              <Link
                href={`/one-on-ones/meeting/${m.id}`}
                className="flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-surface-2 focus-visible:outline-2"
              >
                <span className={m.status === "cancelled" ? "text-muted line-through" : ""}>
                  {when(m.heldAt ?? m.scheduledAt, timeZone)}
                </span>
                <Badge tone={tone}>{label}</Badge>
              </Link>
            </li>
          );
        })}
      </ul>
      {history.isPending ? <p className="text-xs text-muted">Loading the past 1:1s…</p> : null}
      <LoadMore {...more} label="Show earlier 1:1s" />
    </>
  );
}
