"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PULL_INTERVAL_LABELS, timeAgo } from "@/lib/prometheus/schedule";
import { useTRPC } from "@/trpc/react";
import { useRefreshing } from "@/trpc/refreshing";

// The binding form (with its preview) is loaded when someone opens it, not with every target page.
const BindForm = lazy(() => import("./metric-pull-form"));

export type PulledMetric = { id: string; kind: "number" | "milestone"; unit: string | null };

/**
 * Where a number metric's values come from when it pulls them from Prometheus:
 * "from Prometheus, 12 minutes ago", the last error in words, a stale flag;
 * and, for whoever may change the metric, binding a query (with a preview),
 * pulling now and stopping (the values pulled stay).
 */
export function MetricPull({ metric, canEdit }: { metric: PulledMetric; canEdit: boolean }) {
  const trpc = useTRPC();
  const binding = useQuery(trpc.integrations.binding.queryOptions({ metricId: metric.id }));
  const [editing, setEditing] = useState(false);
  const refresh = useRefreshing(trpc.integrations.binding.queryKey({ metricId: metric.id }), trpc.targets.pathKey());
  const pullNow = useMutation(trpc.integrations.pullNow.mutationOptions(refresh()));
  const unbind = useMutation(trpc.integrations.unbindMetric.mutationOptions(refresh()));
  if (metric.kind !== "number" || binding.isPending) return null;
  const bound = binding.data ?? null;
  if (editing) {
    return (
      <Suspense fallback={<p className="text-sm text-muted">Loading…</p>}>
        <BindForm metric={metric} initial={bound} onDone={() => setEditing(false)} />
      </Suspense>
    );
  }
  if (!bound) {
    return canEdit ? (
      <div>
        <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
          Pull from Prometheus
        </Button>
      </div>
    ) : null;
  }
  const now = new Date();
  return (
    <div className="grid gap-2 text-sm">
      <p className="flex flex-wrap items-center gap-2 text-muted">
        <span>
          {bound.lastSuccessAt ? `From Prometheus, ${timeAgo(bound.lastSuccessAt, now)}` : "From Prometheus, not pulled yet"} (
          {bound.dataSourceName},{" "}
          {PULL_INTERVAL_LABELS[bound.intervalMinutes as keyof typeof PULL_INTERVAL_LABELS]?.toLowerCase() ??
            `every ${bound.intervalMinutes} minutes`}
          )
        </span>
        {bound.stale ? <Badge tone="warning">Stale: no value for over two intervals</Badge> : null}
      </p>
      <code className="break-all rounded bg-surface-2 px-2 py-1 text-xs">{bound.query}</code>
      {bound.lastError ? <Alert tone="danger">Last pull failed: {bound.lastError}</Alert> : null}
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={pullNow.isPending}
            onClick={() =>
              pullNow.mutate(
                { metricId: metric.id },
                { onSuccess: (r) => (r.ok ? toast.success("Pulled from Prometheus.") : toast.error(r.error ?? "The pull failed.")) },
              )
            }
          >
            {pullNow.isPending ? "Pulling…" : "Pull now"}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            Change query
          </Button>
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="ghost">
                Stop pulling
              </Button>
            }
            title="Stop pulling from Prometheus?"
            description="The values already pulled stay on the metric; new ones are entered by hand or pushed."
            confirmLabel="Stop pulling"
            pending={unbind.isPending}
            onConfirm={() => unbind.mutate({ metricId: metric.id }, { onSuccess: () => toast.success("No longer pulled.") })}
          />
        </div>
      ) : null}
    </div>
  );
}
