"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { formatValue } from "@/lib/format";
import { DEFAULT_PULL_INTERVAL_MINUTES, PULL_INTERVAL_LABELS, PULL_INTERVALS_MINUTES } from "@/lib/prometheus/schedule";
import { useTRPC } from "@/trpc/react";
import { useRefreshing } from "@/trpc/refreshing";
import type { PulledMetric } from "./metric-pull";

/**
 * Binding a number metric to a PromQL query: the data source, how often, the
 * query with a preview of its value and last 30 days, then "Pull from this
 * query" (which fills in the daily values it already has).
 */
export default function BindForm({
  metric,
  initial,
  onDone,
}: {
  metric: PulledMetric;
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
                  {PULL_INTERVAL_LABELS[m]}
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
