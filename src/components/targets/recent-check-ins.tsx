"use client";

import { lazy, Suspense, useState } from "react";
import { toast } from "@/components/ui/toast";
import { useAddCheckIn, useDeleteCheckIn } from "./mutations";
import type { CheckInRow, MetricRow } from "./types";

// The rows, each with its edit dialog, come with their script when the list is first opened.
const CheckInPages = lazy(() => import("./check-in-pages"));

const loading = <p className="mt-2 text-xs text-muted">Loading…</p>;

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
      {open ? (
        <Suspense fallback={loading}>
          <CheckInPages metric={metric} onDelete={canChange ? deleteWithUndo : undefined} />
        </Suspense>
      ) : null}
    </details>
  );
}
