"use client";

import { formatValue } from "@/lib/format";
import type { Health } from "@/lib/targets/status";
import { ProgressBar } from "@/components/ui/health-badge";
import { useSetMilestoneDone } from "./mutations";
import type { MetricRow } from "./types";
import { useFormatDateTime } from "@/components/ui/today";

/** A number metric's latest value, when it came, and how far along the way it is. */
export function MetricLatest({ metric, health }: { metric: MetricRow; health: Health | null }) {
  const formatDateTime = useFormatDateTime();
  return (
    <div className="grid gap-1.5">
      {/* On a narrow card the "latest" line goes under the value rather than breaking it ("420 co|res"). */}
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 gap-y-0.5">
        <span className="min-w-0 text-2xl font-semibold tabular-nums wrap-anywhere">{formatValue(metric.latest?.value, metric.unit)}</span>
        <span className="text-xs text-muted">
          {metric.latest ? `latest, ${formatDateTime(metric.latest.at)}` : "No check-ins yet"} · {Math.round(metric.status.progress * 100)}%
          of the way
        </span>
      </div>
      <ProgressBar value={metric.status.progress} health={health} label={`Progress of ${metric.name}`} />
    </div>
  );
}

/** A milestone's status: done or not, ticked here. */
/** `readOnly`: the viewer neither controls nor owns the target (whose controller and owners mark a milestone done). */
export function MilestoneDone({ metric, readOnly = false }: { metric: MetricRow; readOnly?: boolean }) {
  const setDone = useSetMilestoneDone();
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        className="size-4 accent-[var(--accent)]"
        checked={metric.done}
        disabled={readOnly}
        title={readOnly ? "The owners and the controller mark it done." : undefined}
        onChange={(e) => setDone.mutate({ id: metric.id, done: e.target.checked })}
      />
      Done
    </label>
  );
}
