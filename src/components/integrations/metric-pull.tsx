"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { formatValue } from "@/lib/format";
import { DEFAULT_PULL_INTERVAL_MINUTES, PULL_INTERVALS_MINUTES, timeAgo } from "@/lib/prometheus/schedule";
import { useTRPC } from "@/trpc/react";
import { useRefreshing } from "@/trpc/refreshing";

const INTERVAL_LABELS: Record<(typeof PULL_INTERVALS_MINUTES)[number], string> = {
  15: "Every 15 minutes",
  60: "Hourly",
  360: "Every 6 hours",
  1440: "Daily",
};

type Metric = { id: string; kind: "number" | "milestone"; unit: string | null };

/**
 * Where a number metric's values come from when it pulls them from Prometheus:
 * "from Prometheus, 12 minutes ago", the last error in words, a stale flag;
 * and, for whoever may change the metric, binding a query (with a preview),
 * pulling now and stopping (the values pulled stay).
 */
export function MetricPull({ metric, canEdit }: { metric: Metric; canEdit: boolean }) {
  const trpc = useTRPC();
  const binding = useQuery(trpc.integrations.binding.queryOptions({ metricId: metric.id }));
  const [editing, setEditing] = useState(false);
  const refresh = useRefreshing(trpc.integrations.binding.queryKey({ metricId: metric.id }), trpc.targets.pathKey());
  const pullNow = useMutation(trpc.integrations.pullNow.mutationOptions(refresh()));
  const unbind = useMutation(trpc.integrations.unbindMetric.mutationOptions(refresh()));
  if (metric.kind !== "number" || binding.isPending) return null;
  const bound = binding.data ?? null;
  if (editing) {
    return <BindForm metric={metric} initial={bound} onDone={() => setEditing(false)} />;
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
          {INTERVAL_LABELS[bound.intervalMinutes as keyof typeof INTERVAL_LABELS]?.toLowerCase() ??
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

function BindForm({
  metric,
  initial,
  onDone,
}: {
  metric: Metric;
  initial: { dataSourceId: string; query: string; intervalMinutes: number } | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const sources = useQuery(trpc.integrations.dataSources.queryOptions());
  const [dataSourceId, setDataSourceId] = useState(initial?.dataSourceId ?? "");
  const [query, setQuery] = useState(initial?.query ?? "");
  const [intervalMinutes, setIntervalMinutes] = useState<number>(initial?.intervalMinutes ?? DEFAULT_PULL_INTERVAL_MINUTES);
  const refresh = useRefreshing(trpc.integrations.binding.queryKey({ metricId: metric.id }), trpc.targets.pathKey());
  const preview = useMutation(trpc.integrations.previewQuery.mutationOptions());
  const bind = useMutation(trpc.integrations.bindMetric.mutationOptions(refresh()));
  const list = sources.data ?? [];
  const chosen = dataSourceId || list[0]?.id || "";
  const input = { metricId: metric.id, dataSourceId: chosen, query };
  const previewed = preview.data;
  const fieldErrors = (bind.error?.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors;
  const queryError = fieldErrors?.query ?? (previewed && !previewed.ok ? previewed.message : undefined);
  if (sources.isSuccess && list.length === 0) {
    return (
      <Alert>
        No data source yet: an admin adds Prometheus under Organisation settings → Data sources.{" "}
        <Button size="sm" variant="ghost" onClick={onDone}>
          Close
        </Button>
      </Alert>
    );
  }
  return (
    <form
      className="grid gap-3 rounded-md border border-border p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        bind.mutate(
          { ...input, intervalMinutes: intervalMinutes as (typeof PULL_INTERVALS_MINUTES)[number] },
          {
            onSuccess: (r) => {
              toast.success(r.backfilled > 0 ? `Bound: ${r.backfilled} daily values filled in.` : "Bound to the query.");
              onDone();
            },
          },
        );
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Data source" error={fieldErrors?.dataSourceId}>
          {(a) => (
            <Select {...a} value={chosen} onChange={(e) => setDataSourceId(e.target.value)}>
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Pull">
          {(a) => (
            <Select {...a} value={intervalMinutes} onChange={(e) => setIntervalMinutes(Number(e.target.value))}>
              {PULL_INTERVALS_MINUTES.map((m) => (
                <option key={m} value={m}>
                  {INTERVAL_LABELS[m]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label="PromQL query" error={queryError} hint="It must give one series: aggregate with sum or avg if needed.">
        {(a) => <Textarea {...a} value={query} onChange={(e) => setQuery(e.target.value)} className="font-mono" spellCheck={false} />}
      </Field>
      {previewed?.ok ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span>
            Now: <strong className="tabular-nums">{formatValue(previewed.value, metric.unit)}</strong>
          </span>
          <Sparkline points={previewed.points.map((p) => p.value)} />
          <span className="text-xs text-muted">{previewed.points.length} daily values in the last 30 days</span>
        </div>
      ) : null}
      {bind.error && !fieldErrors ? <Alert tone="danger">{bind.error.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={!query.trim() || !chosen || preview.isPending}
          onClick={() => preview.mutate(input)}
        >
          {preview.isPending ? "Previewing…" : "Preview"}
        </Button>
        <Button type="submit" disabled={!query.trim() || !chosen || bind.isPending}>
          {bind.isPending ? "Binding…" : "Pull from this query"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** A small line of the preview's daily values (no axes: the trend, not the numbers). */
function Sparkline({ points }: { points: number[] }) {
  if (points.length < 2) return null;
  const min = Math.min(...points);
  const max = Math.max(...points);
  const span = max - min || 1;
  const path = points
    .map((v, i) => `${((i / (points.length - 1)) * 120).toFixed(1)},${(28 - ((v - min) / span) * 24).toFixed(1)}`)
    .join(" ");
  return (
    <svg width="120" height="30" viewBox="0 0 120 30" role="img" aria-label={`The last ${points.length} days, from ${min} to ${max}`}>
      <polyline points={path} fill="none" stroke="currentColor" strokeWidth="1.5" className="text-accent" />
    </svg>
  );
}
