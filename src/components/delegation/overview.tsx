"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { TrackBadge } from "@/components/ui/track-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { stacked } from "@/components/ui/stacked-table";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";

/** People by levels: where control is concentrated, with each person's flags and autonomy trend. */
export function DelegationOverview() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.delegation.overview.queryOptions());
  const { data: people } = useSuspenseQuery(trpc.people.options.queryOptions());
  const max = Math.max(1, ...data.people.flatMap((p) => p.counts));
  const withoutTasks = people.filter((p) => !data.people.some((r) => r.id === p.id));

  if (data.people.length === 0) {
    return (
      <EmptyState
        title="No delegated tasks yet"
        body={
          <>
            Open a person to add the tasks and decision areas you delegate to them; each gets a level on your spectrum and a suggestion from
            their competency and the task&apos;s criticality. What is delegated to you is on{" "}
            <Link href="/delegation/mine" className="text-accent hover:underline">
              Delegated to me
            </Link>
            .
          </>
        }
        actions={
          people.length ? (
            <div className="contents">
              {people.slice(0, 6).map((p) => (
                <Link
                  key={p.id}
                  href={`/delegation/${p.id}`}
                  className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-2"
                >
                  {p.name}
                </Link>
              ))}
            </div>
          ) : (
            <Link href="/people" className="text-sm text-accent hover:underline">
              Add people first
            </Link>
          )
        }
      />
    );
  }

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className={stacked.box}>
        <table className={cn(stacked.table, "sm:min-w-[820px]")}>
          <caption className="sr-only">Open tasks per person at each level of {data.spectrum.name}, from least to most autonomy</caption>
          <thead className={cn(stacked.head, "border-b border-border text-xs text-muted")}>
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Person
              </th>
              {data.spectrum.levels.map((l) => (
                <th key={l.id} scope="col" className="px-2 py-2 text-center font-medium" title={l.meaning}>
                  {l.label}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 font-medium">
                Flags
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Avg. autonomy
              </th>
            </tr>
          </thead>
          <tbody className={stacked.body}>
            {data.people.map((p) => (
              <tr key={p.id} className={cn(stacked.row, "border-b border-border last:border-0")}>
                <th scope="row" className={cn(stacked.cell, stacked.wide, "px-3 py-2 font-normal")}>
                  <span className="flex items-center gap-2">
                    <Link href={`/delegation/${p.id}`} className="font-medium hover:underline">
                      {p.name}
                    </Link>
                    <TrackBadge track={p.track} />
                  </span>
                </th>
                {p.counts.map((count, i) => (
                  <td
                    key={data.spectrum.levels[i]!.id}
                    data-label={data.spectrum.levels[i]!.label}
                    // On a phone's card only the levels that hold tasks: seven mostly empty cells are noise there.
                    // (stacked.cell is all max-sm: classes, so a cell hidden below sm needs none of them.)
                    className={cn(count ? stacked.cell : "max-sm:hidden", "px-1 py-1 text-center")}
                  >
                    <span
                      className="inline-flex h-8 w-full min-w-9 items-center justify-center rounded tabular-nums"
                      style={{
                        background: count ? `color-mix(in srgb, var(--accent) ${15 + (count / max) * 55}%, transparent)` : undefined,
                      }}
                    >
                      <span aria-hidden="true">{count || ""}</span>
                      <span className="sr-only">{`${count} task${count === 1 ? "" : "s"} at ${data.spectrum.levels[i]!.label}`}</span>
                    </span>
                  </td>
                ))}
                <td data-label="Flags" className={cn(stacked.cell, stacked.wide, "px-3 py-2")}>
                  <span className="flex flex-wrap gap-1">
                    {/* In words, and calm: beyond the suggestion is amber without a reason, neutral with one (lib/delegation/flag.ts). */}
                    {p.tighter ? <Badge tone="warning">{p.tighter} held tighter than suggested</Badge> : null}
                    {p.looser ? <Badge tone="warning">{p.looser} delegated beyond the suggestion</Badge> : null}
                    {p.beyondOnPurpose ? <Badge tone="neutral">{p.beyondOnPurpose} beyond the suggestion, with a reason</Badge> : null}
                    {p.overdueReviews ? (
                      <Badge tone="danger">
                        {p.overdueReviews} review{p.overdueReviews === 1 ? "" : "s"} due
                      </Badge>
                    ) : null}
                    {!p.tighter && !p.looser && !p.beyondOnPurpose && !p.overdueReviews ? (
                      <span className="text-xs text-muted">—</span>
                    ) : null}
                  </span>
                </td>
                <td data-label="Avg. autonomy" className={cn(stacked.cell, stacked.wide, "px-3 py-2 text-right tabular-nums")}>
                  {p.averageAutonomy === null ? "—" : `${Math.round(p.averageAutonomy * 100)}%`}
                  {p.trend.length > 1 ? (
                    <span className="block text-xs text-muted" title="Average autonomy by month">
                      {p.trend.map((t) => `${Math.round(t.average * 100)}`).join(" → ")}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withoutTasks.length ? (
        <p className="text-sm text-muted">
          No tasks yet for:{" "}
          {withoutTasks.map((p, i) => (
            <span key={p.id}>
              {i ? ", " : ""}
              <Link href={`/delegation/${p.id}`} className="text-fg underline underline-offset-2">
                {p.name}
              </Link>
            </span>
          ))}
          .
        </p>
      ) : null}
    </div>
  );
}
