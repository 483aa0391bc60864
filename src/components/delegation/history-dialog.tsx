"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/react";

/** A task's level changes as a timeline, newest first. */
export function HistoryDialog({ task }: { task: { id: string; title: string } }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const { data = [], isPending } = useQuery({ ...trpc.delegation.history.queryOptions({ id: task.id }), enabled: open });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          History
        </Button>
      </DialogTrigger>
      <DialogContent title={`History of “${task.title}”`}>
        {isPending ? <p className="text-sm text-muted">Loading…</p> : null}
        <ol className="relative grid gap-4 border-l border-border pl-4">
          {data.map((h) => (
            <li key={h.id} className="text-sm">
              <span className="absolute -left-1.5 mt-1.5 size-3 rounded-full border-2 border-surface bg-accent" aria-hidden="true" />
              <p className="font-medium">{h.fromLabel ? `${h.fromLabel} → ${h.toLabel}` : `Started at ${h.toLabel}`}</p>
              <p className="text-xs text-muted">{formatDateTime(h.at)}</p>
              {h.reason ? <p className="mt-0.5 text-muted">“{h.reason}”</p> : null}
            </li>
          ))}
        </ol>
      </DialogContent>
    </Dialog>
  );
}
