"use client";

import { useInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { TrackBadge } from "@/components/ui/track-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { cadenceLabel } from "@/lib/people/ladder";
import { formatDate, relativeDay } from "@/lib/format";
import { dayIn } from "@/lib/one-on-ones/days";
import { stacked } from "@/components/ui/stacked-table";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { DueBadge } from "@/components/ui/due-badge";
import { NotesSearch } from "./notes-search";
import { useTimeZone } from "@/components/ui/today";

/** Every report's 1:1 standing, overdue first, and the 1:1s booked from today; `search` is the notes search from the address. */
export function OneOnOnesOverview({ search = "" }: { search?: string }) {
  const timeZone = useTimeZone();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.oneOnOnes.overview.queryOptions());
  const dueNow = data.people.filter((p) => p.due.state === "overdue" || p.due.state === "due").length;
  return (
    <>
      <PageHeader
        title="1:1s"
        description={
          data.people.length
            ? `Your direct reports: ${dueNow} of ${data.people.length} need a 1:1 booked or held. Open a person's prep page before you meet.`
            : undefined
        }
      />
      {data.people.length === 0 ? (
        <EmptyState
          title="No one to meet yet"
          body="This page is your side of the 1:1s with the people who report to you: add them with their cadence and they show up here. Your own 1:1s with your manager are on Home."
          actions={
            <>
              <Button asChild>
                <Link href="/people">Go to People</Link>
              </Button>
              <Button asChild variant="secondary">
                <Link href="/">Go to Home</Link>
              </Button>
            </>
          }
        />
      ) : (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
          {/* A table from `sm` up, a card per person on a phone (stacked-table.ts). */}
          <div className={stacked.box}>
            <table className={cn(stacked.table, "sm:min-w-[760px]")}>
              <thead className={cn(stacked.head, "border-b border-border text-xs text-muted")}>
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Person
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Last 1:1
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Next
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Agenda
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Open actions
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Links</span>
                  </th>
                </tr>
              </thead>
              <tbody className={stacked.body}>
                {data.people.map((p) => (
                  <tr key={p.id} className={cn(stacked.row, "border-b border-border last:border-0")}>
                    <td className={cn(stacked.cell, stacked.wide, "px-3 py-2")}>
                      <div className="flex items-center gap-2">
                        <Link href={`/one-on-ones/${p.id}`} className="font-medium hover:underline">
                          {p.name}
                        </Link>
                        <TrackBadge track={p.track} />
                      </div>
                      <div className="text-xs text-muted">{cadenceLabel(p.cadence, p.cadenceDays)}</div>
                    </td>
                    <td data-label="Last 1:1" className={cn(stacked.cell, "px-3 py-2 text-muted")}>
                      {p.lastHeldAt ? relativeDay(dayIn(p.lastHeldAt, data.timeZone), data.today) : "Never"}
                    </td>
                    <td data-label="Next" className={cn(stacked.cell, stacked.wide, "px-3 py-2")}>
                      <DueBadge due={p.due} today={data.today} nextScheduledAt={p.nextScheduledAt} />
                    </td>
                    <td data-label="Agenda" className={cn(stacked.cell, "px-3 py-2 tabular-nums text-muted")}>
                      {p.openPoints ? `${p.openPoints} point${p.openPoints === 1 ? "" : "s"}` : "—"}
                    </td>
                    <td data-label="Open actions" className={cn(stacked.cell, "px-3 py-2 text-muted")}>
                      {p.actions.mine + p.actions.theirs === 0 ? "—" : `${p.actions.theirs} theirs, ${p.actions.mine} mine`}
                      {p.actions.overdue ? (
                        <Badge tone="danger" className="ml-2">
                          {p.actions.overdue} overdue
                        </Badge>
                      ) : null}
                    </td>
                    <td className={cn(stacked.cell, "px-3 py-2 text-right")}>
                      <Link href={`/one-on-ones/${p.id}/prep`} className="text-accent hover:underline" aria-label={`Prep for ${p.name}`}>
                        Prep
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.morePeople ? (
              <p className="px-3 py-2 text-xs text-muted">
                The first {data.people.length} of your direct reports, by name.{" "}
                <Link href="/people" className="text-accent hover:underline">
                  All people
                </Link>
              </p>
            ) : null}
          </div>
          <div className="grid content-start gap-4">
            <Card>
              <CardHeader>
                <CardTitle>Booked</CardTitle>
              </CardHeader>
              <CardBody>
                {data.upcoming.length === 0 ? (
                  <p className="text-sm text-muted">No 1:1s booked from today.</p>
                ) : (
                  <ul className="grid gap-1 text-sm">
                    {data.upcoming.map((m) => (
                      <li key={m.id}>
                        <Link
                          href={`/one-on-ones/meeting/${m.id}`}
                          className="flex justify-between gap-2 rounded-md px-1 py-1 hover:bg-surface-2"
                        >
                          <span className="font-medium">{m.personName}</span>
                          <span className="text-muted">
                            {formatDate(m.scheduledAt, {
                              timeZone,
                              weekday: "short",
                              day: "numeric",
                              month: "short",
                              hour: "2-digit",
                              minute: "2-digit",
                            })}
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </CardBody>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Search notes and talking points</CardTitle>
              </CardHeader>
              <CardBody>
                <NotesSearch initial={search} />
              </CardBody>
            </Card>
          </div>
        </div>
      )}
      <OtherPeople today={data.today} timeZone={data.timeZone} />
    </>
  );
}

/** The people the actor held 1:1s with before a line changed, a page at a time (the page's server prefetches the first). */
export const otherPeoplePages = (trpc: ReturnType<typeof useTRPC>) =>
  trpc.oneOnOnes.others.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined });

/**
 * The list above is the actor's direct reports. People they held 1:1s with who report to
 * someone else now are folded away here: their held 1:1s stay readable (read only).
 */
function OtherPeople({ today, timeZone }: { today: string; timeZone: string }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(otherPeoplePages(trpc));
  const others = pages.data?.pages.flatMap((p) => p.items) ?? [];
  if (others.length === 0) return null;
  return (
    <details className="mt-4 rounded-lg border border-border bg-surface" data-testid="other-one-on-ones">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        Others you held 1:1s with ({others.length}
        {pages.hasNextPage ? "+" : ""})
      </summary>
      <div className="grid gap-1 border-t border-border px-3 py-2">
        <p className="text-xs text-muted">They report to someone else now: their 1:1s with you stay readable, read only.</p>
        <ul className="grid gap-1 text-sm" aria-label="Others you held 1:1s with">
          {others.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Link href={`/one-on-ones/${p.id}`} className="font-medium hover:underline">
                {p.name}
              </Link>
              <TrackBadge track={p.track} />
              <span className="text-xs text-muted">
                {p.held} held{p.lastHeldAt ? `, last ${relativeDay(dayIn(p.lastHeldAt, timeZone), today)}` : ""}
              </span>
            </li>
          ))}
        </ul>
        <LoadMore pages={pages} shown={others.length} noun="people" />
      </div>
    </details>
  );
}
