"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { useTRPC } from "@/trpc/react";
import { formatValue, sharedDecimals } from "@/lib/format";
import { EditCheckInDialog } from "./edit-check-in-dialog";
import { useAddCheckIn, useDeleteCheckIn } from "./mutations";
import type { CheckInRow, MetricRow } from "./types";
import { useFormatDateTime } from "@/components/ui/today";

/**
 * The check-ins, opened on demand, newest first, a page at a time
 * (targets.checkIns; "Show more" for earlier ones): each can be edited, or
 * deleted with an undo, by those who check in (`canChange`: the controller
 * and the owners). The target page's own latest few (`metric.recent`) say
 * whether there are any.
 */
export function RecentCheckIns({ metric, canChange }: { metric: MetricRow; canChange: boolean }) {
  const [open, setOpen] = useState(false);
  // Here, not in the rows: a deleted row unmounts, and its undo must still run.
  const remove = useDeleteCheckIn();
  const restore = useAddCheckIn();
  const deleteWithUndo = async (c: CheckInRow) => {
    await remove.mutateAsync({ id: c.id });
    // Undone by adding the same check-in back (a new id, the same value, time and note).
    toast.success("Check-in deleted.", {
      action: { label: "Undo", onClick: () => restore.mutate({ metricId: metric.id, value: c.value, at: c.at, note: c.note }) },
    });
  };
  if (!metric.recent.length) return null;
  return (
    <details className="text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      {/* The target page sends the latest 20 (targets.get); more than that is said with a "+", the list itself pages. */}
      <summary className="cursor-pointer text-muted">
        Recent check-ins ({metric.recent.length}
        {metric.recent.length >= 20 ? "+" : ""})
      </summary>
      {/* Loaded and rendered once opened: each row has its own edit dialog and mutations, work the page need not do on load. */}
      {open ? <CheckInPages metric={metric} onDelete={canChange ? deleteWithUndo : undefined} /> : null}
    </details>
  );
}

/** A metric's check-ins, a page at a time (the same options wherever they are listed). */
export const checkInPages = (trpc: ReturnType<typeof useTRPC>, metricId: string) =>
  trpc.targets.checkIns.infiniteQueryOptions({ metricId }, { getNextPageParam: (page) => page.nextCursor ?? undefined });

function CheckInPages({ metric, onDelete }: { metric: MetricRow; onDelete?: (c: CheckInRow) => Promise<void> }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(checkInPages(trpc, metric.id));
  const { rows, more } = usePagedRows(pages, ["check-in", "check-ins"]);
  if (pages.isPending) return <p className="mt-2 text-xs text-muted">Loading…</p>;
  if (pages.isError) return <p className="mt-2 text-xs text-danger">The check-ins could not be loaded.</p>;
  const decimals = sharedDecimals(rows.map((c) => c.value));
  return (
    <>
      <table className="mt-2 w-full text-left text-sm">
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-1 font-medium">
              When
            </th>
            <th scope="col" className="py-1 font-medium">
              Value
            </th>
            <th scope="col" className="py-1 font-medium">
              Note
            </th>
            <th scope="col" className="py-1">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <CheckInLine
              key={c.id}
              checkIn={c}
              unit={metric.unit}
              decimals={decimals}
              onDelete={onDelete ? () => onDelete(c) : undefined}
            />
          ))}
        </tbody>
      </table>
      <LoadMore {...more} label="Show earlier check-ins" />
    </>
  );
}

function CheckInLine({
  checkIn: c,
  unit,
  decimals,
  onDelete,
}: {
  checkIn: CheckInRow;
  unit: string | null;
  decimals: number;
  onDelete?: () => Promise<void>;
}) {
  const formatDateTime = useFormatDateTime();
  return (
    <tr className="border-t border-border">
      <td className="py-1 pr-2 text-muted">{formatDateTime(c.at)}</td>
      <td className="break-all py-1 pr-2 tabular-nums">{formatValue(c.value, unit, decimals)}</td>
      <td className="py-1 pr-2 text-muted">
        {c.source === "prometheus" ? (c.note ? `From Prometheus · ${c.note}` : "From Prometheus") : c.note}
      </td>
      <td className="whitespace-nowrap py-1 text-right">
        {onDelete ? (
          <>
            <EditCheckInDialog checkIn={c} label={`Edit check-in of ${formatDateTime(c.at)}`} />
            <Button variant="ghost" size="sm" aria-label={`Delete check-in of ${formatDateTime(c.at)}`} onClick={onDelete}>
              <Trash2 aria-hidden="true" />
            </Button>
          </>
        ) : null}
      </td>
    </tr>
  );
}
