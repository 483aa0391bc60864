"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ClipboardPaste, Pencil, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { formatDateTime, formatValue } from "@/lib/format";
import { DIRECTION_LABELS } from "@/lib/validators/targets";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/react";
import { EditCheckInDialog } from "./edit-check-in-dialog";
import { HEALTH_COLOR, HealthBadge, ProgressBar } from "@/components/ui/health-badge";
import { MetricForm, metricValues } from "./metric-form";

// The chart library is large: load it only in the browser, after the page.
const MetricChart = dynamic(() => import("./metric-chart"), {
  ssr: false,
  loading: () => <div className="h-48 w-full animate-pulse rounded bg-surface-2" />,
});

type Detail = RouterOutputs["targets"]["get"];
type MetricRow = Detail["metrics"][number];

function goalText(m: MetricRow) {
  if (m.direction === "band") return `stay within ${formatValue(m.bandLow, m.unit)} – ${formatValue(m.bandHigh, m.unit)}`;
  return `${formatValue(m.baseline, m.unit)} → ${formatValue(m.goal, m.unit)}`;
}

export function MetricCard({ metric, target }: { metric: MetricRow; target: Detail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() });
  const [value, setValue] = useState("");
  const [at, setAt] = useState("");
  const [note, setNote] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(false);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [bulkText, setBulkText] = useState("");
  const [recentOpen, setRecentOpen] = useState(false);
  const add = useMutation(
    trpc.targets.addCheckIn.mutationOptions({
      onSuccess: async () => {
        setValue("");
        setNote("");
        setAt("");
        setFieldErrors({});
        await refresh();
        toast.success(`Check-in added to ${metric.name}.`);
      },
      onError: (error) => setFieldErrors(error.data?.fieldErrors ?? { value: error.message }),
    }),
  );
  const bulk = useMutation(
    trpc.targets.addCheckIns.mutationOptions({
      onSuccess: async (r) => {
        setBulkText("");
        setBulkOpen(false);
        await refresh();
        toast.success(`${r.added} check-ins added.`);
      },
    }),
  );
  const update = useMutation(trpc.targets.updateMetric.mutationOptions());
  const remove = useMutation(trpc.targets.deleteMetric.mutationOptions({ onSuccess: refresh }));
  const removeCheckIn = useMutation(trpc.targets.deleteCheckIn.mutationOptions());
  const restoreCheckIn = useMutation(trpc.targets.addCheckIn.mutationOptions());
  const setDone = useMutation(trpc.targets.setMilestoneDone.mutationOptions({ onSuccess: refresh }));
  const health = target.status === "active" ? metric.status.health : null;
  const milestone = metric.kind === "milestone";
  const headingId = useId();

  return (
    <Card aria-labelledby={headingId}>
      <CardBody className="grid gap-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h3 id={headingId} className="font-medium">
              {metric.name}
            </h3>
            <p className="text-xs text-muted">
              {milestone ? "Milestone" : `${DIRECTION_LABELS[metric.direction ?? "higher"]} · ${goalText(metric)}`}
              {metric.warning !== null && !milestone ? ` · warning ${formatValue(metric.warning, metric.direction === "band" ? metric.unit : metric.unit)}` : ""}
            </p>
          </div>
          <div className="flex items-center gap-2">
            {health ? <HealthBadge health={health} /> : null}
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
                    await update.mutateAsync({ ...values, id: metric.id, version });
                    await refresh();
                    setEditing(false);
                  }}
                />
              </DialogContent>
            </Dialog>
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Delete ${metric.name}`}
              onClick={() => {
                if (window.confirm(`Delete the metric “${metric.name}” and all its check-ins?`)) remove.mutate({ id: metric.id });
              }}
            >
              <Trash2 aria-hidden="true" />
            </Button>
          </div>
        </div>

        {milestone ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-[var(--accent)]"
              checked={metric.done}
              onChange={(e) => setDone.mutate({ id: metric.id, done: e.target.checked })}
            />
            Done
          </label>
        ) : (
          <>
            <div className="grid gap-1.5">
              <div className="flex items-baseline justify-between gap-2">
                <span className="text-2xl font-semibold tabular-nums">{formatValue(metric.latest?.value, metric.unit)}</span>
                <span className="text-xs text-muted">
                  {metric.latest ? `latest, ${formatDateTime(metric.latest.at)}` : "No check-ins yet"} · {Math.round(metric.status.progress * 100)}% of the way
                </span>
              </div>
              <ProgressBar value={metric.status.progress} health={health} label={`Progress of ${metric.name}`} />
            </div>
            <MetricChart
              points={metric.series}
              unit={metric.unit}
              baseline={metric.direction === "band" ? null : metric.baseline}
              goal={metric.direction === "band" ? null : metric.goal}
              bandLow={metric.bandLow}
              bandHigh={metric.bandHigh}
              startDate={target.startDate}
              dueDate={target.dueDate}
              color={health ? HEALTH_COLOR[health] : "var(--accent)"}
              title={metric.name}
            />
            <form
              className="grid gap-2 sm:grid-cols-[7rem_15rem_minmax(0,1fr)] sm:items-start"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const number = value.trim() === "" ? Number.NaN : Number(value);
                if (!Number.isFinite(number)) return setFieldErrors({ value: "Enter a number." });
                add.mutate({ metricId: metric.id, value: number, at: at ? new Date(at) : undefined, note: note || null });
              }}
            >
              <Field label="Value" error={fieldErrors.value}>
                {(a) => <Input {...a} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} placeholder={metric.unit ?? ""} />}
              </Field>
              <Field label="When" error={fieldErrors.at} hint="Empty: now.">
                {(a) => <Input {...a} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
              </Field>
              <Field label="Note" error={fieldErrors.note}>
                {(a) => <Input {...a} value={note} onChange={(e) => setNote(e.target.value)} />}
              </Field>
              <div className="flex gap-1 sm:col-span-3">
                <Button type="submit" disabled={add.isPending}>
                  Add check-in
                </Button>
                <Dialog open={bulkOpen} onOpenChange={setBulkOpen}>
                  <DialogTrigger asChild>
                    <Button variant="ghost" size="icon" aria-label={`Paste many check-ins for ${metric.name}`}>
                      <ClipboardPaste aria-hidden="true" />
                    </Button>
                  </DialogTrigger>
                  <DialogContent title={`Paste check-ins for ${metric.name}`} description='One per line: "date,value" and an optional note, e.g. 2026-03-31,99.95.'>
                    <form
                      className="grid gap-3"
                      onSubmit={(e) => {
                        e.preventDefault();
                        bulk.mutate({ metricId: metric.id, text: bulkText });
                      }}
                    >
                      {bulk.error ? <Alert tone="danger">{bulk.error.data?.fieldErrors?.text ?? bulk.error.message}</Alert> : null}
                      <Field label="Lines">
                        {(a) => <Textarea {...a} rows={8} className="font-mono text-xs" value={bulkText} onChange={(e) => setBulkText(e.target.value)} />}
                      </Field>
                      <div className="flex justify-end gap-2">
                        <Button variant="secondary" onClick={() => setBulkOpen(false)}>
                          Cancel
                        </Button>
                        <Button type="submit" disabled={!bulkText.trim() || bulk.isPending}>
                          Add all
                        </Button>
                      </div>
                    </form>
                  </DialogContent>
                </Dialog>
              </div>
            </form>
            <p className="text-xs text-muted">
              API id: <code className="select-all rounded bg-surface-2 px-1" data-testid="metric-id">{metric.id}</code>
            </p>
            {metric.recent.length ? (
              <details className="text-sm" onToggle={(e) => setRecentOpen(e.currentTarget.open)}>
                <summary className="cursor-pointer text-muted">Recent check-ins ({metric.recent.length})</summary>
                {/* Rendered once opened: each row has its own edit dialog and mutations, work the page need not do on load. */}
                {recentOpen ? (
                <table className="mt-2 w-full text-left text-sm">
                    <thead className="text-xs text-muted">
                      <tr>
                        <th scope="col" className="py-1 font-medium">When</th>
                        <th scope="col" className="py-1 font-medium">Value</th>
                        <th scope="col" className="py-1 font-medium">Note</th>
                        <th scope="col" className="py-1"><span className="sr-only">Actions</span></th>
                      </tr>
                    </thead>
                    <tbody>
                      {metric.recent.map((c) => (
                        <tr key={c.id} className="border-t border-border">
                          <td className="py-1 pr-2 text-muted">{formatDateTime(c.at)}</td>
                          <td className="py-1 pr-2 tabular-nums">{formatValue(c.value, metric.unit)}</td>
                          <td className="py-1 pr-2 text-muted">{c.note}</td>
                          <td className="whitespace-nowrap py-1 text-right">
                            <EditCheckInDialog checkIn={c} label={`Edit check-in of ${formatDateTime(c.at)}`} onSaved={refresh} />
                            <Button
                              variant="ghost"
                              size="sm"
                              aria-label={`Delete check-in of ${formatDateTime(c.at)}`}
                              onClick={async () => {
                                await removeCheckIn.mutateAsync({ id: c.id });
                                await refresh();
                                toast.success("Check-in deleted.", {
                                  action: {
                                    label: "Undo",
                                    onClick: async () => {
                                      await restoreCheckIn.mutateAsync({ metricId: metric.id, value: c.value, at: c.at, note: c.note });
                                      await refresh();
                                    },
                                  },
                                });
                              }}
                            >
                              <Trash2 aria-hidden="true" />
                            </Button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </details>
            ) : null}
          </>
        )}
      </CardBody>
    </Card>
  );
}

