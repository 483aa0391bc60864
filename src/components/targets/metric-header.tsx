"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { valueFormatter } from "@/lib/format";
import type { Health } from "@/lib/targets/status";
import { DIRECTION_LABELS } from "@/lib/targets/labels";
import { useTRPC } from "@/trpc/react";
import { HealthBadge } from "@/components/ui/health-badge";
import { MetricForm } from "./lazy-forms";
import { metricValues } from "./metric-values";
import { useDeleteMetric, useUpdateMetric } from "./mutations";
import type { MetricRow, TargetDetailData } from "./types";

function goalText(m: MetricRow) {
  const f = valueFormatter([m.baseline, m.goal, m.bandLow, m.bandHigh, m.warning], m.unit);
  if (m.direction === "band") return `stay within ${f(m.bandLow)} – ${f(m.bandHigh)}`;
  return `${f(m.baseline)} → ${f(m.goal)}`;
}

/** A metric's name and goal, its health, and its actions: edit, and delete after asking. */
export function MetricHeader({
  metric,
  target,
  health,
  headingId,
}: {
  metric: MetricRow;
  target: TargetDetailData;
  health: Health | null;
  headingId: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const update = useUpdateMetric();
  const remove = useDeleteMetric();
  const milestone = metric.kind === "milestone";
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0 break-words">
        <h3 id={headingId} className="font-medium">
          {metric.name}
        </h3>
        <p className="text-xs text-muted">
          {milestone ? "Milestone" : `${DIRECTION_LABELS[metric.direction ?? "higher"]} · ${goalText(metric)}`}
          {metric.warning !== null && !milestone
            ? ` · warning ${valueFormatter([metric.baseline, metric.goal, metric.bandLow, metric.bandHigh, metric.warning], metric.unit)(metric.warning)}`
            : ""}
        </p>
      </div>
      <div className="flex items-center gap-2">
        {health ? <HealthBadge health={health} /> : null}
        {/* A metric is part of the target's definition: its controller's to edit. */}
        {target.canEdit ? (
          <>
            <Dialog open={editing} onOpenChange={setEditing}>
              <DialogTrigger asChild>
                <Button variant="ghost" size="icon" aria-label={`Edit ${metric.name}`}>
                  <Pencil aria-hidden="true" />
                </Button>
              </DialogTrigger>
              <DialogContent title={`Edit ${metric.name}`}>
                <MetricForm
                  defaults={metricValues({ ...metric, targetId: target.id })}
                  version={metric.version}
                  loadSaved={async () => {
                    const latest = await queryClient.fetchQuery({ ...trpc.targets.get.queryOptions({ id: target.id }), staleTime: 0 });
                    const row = latest.metrics.find((m) => m.id === metric.id);
                    if (!row) throw new Error("The metric was deleted.");
                    return { version: row.version, values: metricValues({ ...row, targetId: target.id }) };
                  }}
                  submitLabel="Save metric"
                  onCancel={() => setEditing(false)}
                  onSubmit={async ({ targetId: _t, ...values }, version) => {
                    const saved = await update.mutateAsync({ ...values, id: metric.id, version });
                    setEditing(false);
                    return saved;
                  }}
                />
              </DialogContent>
            </Dialog>
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="icon" aria-label={`Delete ${metric.name}`}>
                  <Trash2 aria-hidden="true" />
                </Button>
              }
              title={`Delete the metric “${metric.name}”?`}
              description="All its check-ins go with it. This cannot be undone."
              confirmLabel="Delete metric"
              pending={remove.isPending}
              onConfirm={() => remove.mutate({ id: metric.id })}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
