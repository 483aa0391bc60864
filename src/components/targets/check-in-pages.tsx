"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { useFormatDateTime } from "@/components/ui/today";
import { useTRPC } from "@/trpc/react";
import { formatValue, sharedDecimals } from "@/lib/format";
import { EditCheckInDialog } from "./edit-check-in-dialog";
import type { CheckInRow, MetricRow } from "./types";

/** A metric's check-ins, a page at a time (the same options wherever they are listed). */
const checkInPages = (trpc: ReturnType<typeof useTRPC>, metricId: string) =>
  trpc.targets.checkIns.infiniteQueryOptions({ metricId }, { getNextPageParam: (page) => page.nextCursor ?? undefined });

export default function CheckInPages({ metric, onDelete }: { metric: MetricRow; onDelete?: (c: CheckInRow) => Promise<void> }) {
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
