"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useTRPC } from "@/trpc/react";
import { useFormatDateTime } from "@/components/ui/today";

const PROPOSAL_STATUS = { open: "waiting for an answer", accepted: "accepted", declined: "declined", withdrawn: "withdrawn" } as const;

/** A task's level changes, proposals and poker rounds as one timeline, newest first. */
export function HistoryDialog({ task }: { task: { id: string; title: string } }) {
  const formatDateTime = useFormatDateTime();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const { data: changes = [], isPending } = useQuery({ ...trpc.delegation.history.queryOptions({ id: task.id }), enabled: open });
  const { data: activity } = useQuery({ ...trpc.delegation.activity.queryOptions({ id: task.id }), enabled: open });
  const entries = [
    ...changes.map((h) => ({
      key: `c-${h.id}`,
      at: new Date(h.at),
      title: h.fromLabel ? `${h.fromLabel} → ${h.toLabel}` : `Started at ${h.toLabel}`,
      body: h.reason ? `“${h.reason}”` : null,
    })),
    ...(activity?.proposals ?? []).map((p) => ({
      key: `p-${p.id}`,
      at: new Date(p.createdAt),
      title: `Proposed ${p.toLabel} (from ${p.fromLabel}): ${PROPOSAL_STATUS[p.status]}`,
      body: `“${p.reason}”${p.decisionReason ? ` · answer: “${p.decisionReason}”` : ""}`,
    })),
    ...(activity?.rounds ?? []).map((r) => ({
      key: `r-${r.id}`,
      at: new Date(r.createdAt),
      title: `Delegation poker round${r.state === "agreed" ? `: agreed ${r.agreedLabel}` : r.state === "ended" ? ": ended" : ": in play"}`,
      body: [
        `Delegator: ${r.delegator.level?.label ?? (r.delegator.picked ? "picked (hidden)" : "no pick")}`,
        `delegatee: ${r.delegatee.level?.label ?? (r.delegatee.picked ? "picked (hidden)" : "no pick")}`,
        r.endedReason,
      ]
        .filter(Boolean)
        .join(" · "),
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
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
          {entries.map((h) => (
            <li key={h.key} className="text-sm">
              <span className="absolute -left-1.5 mt-1.5 size-3 rounded-full border-2 border-surface bg-accent" aria-hidden="true" />
              <p className="font-medium">{h.title}</p>
              <p className="text-xs text-muted">{formatDateTime(h.at)}</p>
              {h.body ? <p className="mt-0.5 break-words text-muted">{h.body}</p> : null}
            </li>
          ))}
        </ol>
      </DialogContent>
    </Dialog>
  );
}
