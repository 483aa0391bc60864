"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Lock, Pencil, Plus, Trash2 } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { toast } from "@/components/ui/toast";
import { TrackBadge } from "@/components/ui/track-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { RenderedMarkdown } from "@/components/ui/rendered-markdown";
import { Select } from "@/components/ui/select";
import { dueIn, formatDay } from "@/lib/format";
import { useToday } from "@/components/ui/today";
import { TARGET_KIND_LABELS, TARGET_STATUS_LABELS, TARGET_STATUSES } from "@/lib/targets/labels";
import type { CreateTargetInput } from "@/lib/validators/targets";
import { useTRPC } from "@/trpc/react";
import { HealthBadge, ProgressBar } from "@/components/ui/health-badge";
import { MetricCard } from "./metric-card";
import { MetricForm, TargetForm } from "./lazy-forms";
import { useAddMetric, useDeleteTarget, useSetTargetStatus, useUpdateTarget } from "./mutations";
import { SubTargets, TargetLineage } from "./target-cascade";
import { TargetComments } from "./target-comments";
import { TargetStatus } from "./target-status";

// Only a target imported from an SLO has the panel: other target pages do without its script.
const TargetSloPanel = lazy(() => import("./target-slo-panel").then((m) => ({ default: m.TargetSloPanel })));

type TargetLike = {
  title: string;
  description: string | null;
  kind: CreateTargetInput["kind"];
  status: NonNullable<CreateTargetInput["status"]>;
  areaId: string | null;
  owners: { id: string }[];
  startDate: string;
  dueDate: string;
  sharedWithOrg: boolean;
};

/** A target as the edit form's values. */
function targetValues(t: TargetLike): CreateTargetInput {
  return {
    title: t.title,
    description: t.description ?? "",
    kind: t.kind,
    status: t.status,
    areaId: t.areaId,
    ownerIds: t.owners.map((o) => o.id),
    sharedWithOrg: t.sharedWithOrg,
    startDate: t.startDate,
    dueDate: t.dueDate,
  };
}

export function TargetDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: t } = useSuspenseQuery(trpc.targets.get.queryOptions({ id }));
  const today = useToday();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const update = useUpdateTarget();
  const addMetric = useAddMetric();
  const setStatus = useSetTargetStatus();
  const remove = useDeleteTarget();

  return (
    <>
      <PageHeader
        title={t.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {t.status === "active" ? <HealthBadge health={t.health} /> : null}
            <span>{TARGET_KIND_LABELS[t.kind]}</span>
            <span>
              · {formatDay(t.startDate)} – {formatDay(t.dueDate)} ({dueIn(t.dueDate, today)})
            </span>
            {t.areaName ? (
              <span>
                ·{" "}
                <Link href={`/people/areas/${t.areaId}`} className="hover:underline">
                  {t.areaName}
                </Link>
              </span>
            ) : null}
          </span>
        }
        actions={
          // The definition, status and deletion are the controller's; others see the target read-only.
          t.canEdit ? (
            <>
              <Select
                aria-label="Status"
                value={t.status}
                onChange={(e) =>
                  setStatus.mutate(
                    { id, status: e.target.value as (typeof TARGET_STATUSES)[number] },
                    { onSuccess: (row) => toast.success(`Status: ${TARGET_STATUS_LABELS[row.status]}.`) },
                  )
                }
                className="w-36"
              >
                {TARGET_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {TARGET_STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
              <Dialog open={editing} onOpenChange={setEditing}>
                <DialogTrigger asChild>
                  <Button variant="secondary">
                    <Pencil aria-hidden="true" /> Edit
                  </Button>
                </DialogTrigger>
                <DialogContent title="Edit target">
                  <TargetForm
                    partOf={t.partOf.at(-1)?.title}
                    defaults={targetValues(t)}
                    draftId={t.id}
                    version={t.version}
                    loadSaved={async () => {
                      const latest = await queryClient.fetchQuery({ ...trpc.targets.get.queryOptions({ id }), staleTime: 0 });
                      return { version: latest.version, values: targetValues(latest) };
                    }}
                    submitLabel="Save target"
                    onCancel={() => setEditing(false)}
                    onSubmit={async (values, version) => {
                      const saved = await update.mutateAsync({ ...values, id, version });
                      setEditing(false);
                      toast.success("Saved.");
                      return saved;
                    }}
                  />
                </DialogContent>
              </Dialog>
              <ConfirmDialog
                trigger={
                  <Button variant="secondary" aria-label="Delete target">
                    <Trash2 aria-hidden="true" />
                  </Button>
                }
                title={`Delete “${t.title}”?`}
                description="Its metrics and every check-in go with it. This cannot be undone; to keep the history, set the status to Dropped instead. A target with sub-targets is not deleted: delete or move them first."
                confirmLabel="Delete target"
                pending={remove.isPending}
                onConfirm={() =>
                  remove.mutate(
                    { id },
                    {
                      onSuccess: () => {
                        toast.success(`“${t.title}” deleted.`);
                        router.push("/targets");
                      },
                      // Its sub-targets are neither deleted with it nor cut loose: the server says how many.
                      onError: (e) => toast.error(e.message),
                    },
                  )
                }
              />
            </>
          ) : undefined
        }
      />

      <TargetLineage id={id} title={t.title} canEdit={t.canEdit} version={t.version} />

      {!t.canEdit ? <DefinitionNote controllerName={t.controllerName} canCheckIn={t.canCheckIn} /> : null}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="metrics-heading" className="grid min-w-0 content-start gap-4">
          <div className="flex items-center justify-between gap-2">
            <h2 id="metrics-heading" className="text-base font-semibold">
              Metrics
            </h2>
            {t.canEdit ? (
              <Dialog open={adding} onOpenChange={setAdding}>
                <DialogTrigger asChild>
                  <Button variant="secondary">
                    <Plus aria-hidden="true" /> Add metric
                  </Button>
                </DialogTrigger>
                <DialogContent
                  title="Add a metric"
                  description="How this target is measured: a number toward a goal, a band to stay within, or a milestone."
                >
                  <MetricForm
                    showPresets
                    defaults={{
                      targetId: id,
                      name: "",
                      kind: "number",
                      unit: "",
                      direction: null,
                      baseline: null,
                      goal: null,
                      warning: null,
                    }}
                    submitLabel="Add metric"
                    onCancel={() => setAdding(false)}
                    onSubmit={async (values) => {
                      await addMetric.mutateAsync(values);
                      setAdding(false);
                      toast.success(`${values.name} added.`);
                    }}
                  />
                </DialogContent>
              </Dialog>
            ) : null}
          </div>
          {t.metrics.length === 0 ? (
            <Card>
              <CardBody>
                <p className="text-sm text-muted">
                  {t.canEdit
                    ? "No metrics yet. Add one (uptime, P99 latency, error rate… or milestones for a feature) to see whether this target is on track."
                    : `No metrics yet: ${t.controllerName ?? "the controller"} adds them.`}
                </p>
              </CardBody>
            </Card>
          ) : (
            t.metrics.map((m) => <MetricCard key={m.id} metric={m} target={t} />)
          )}
          <SubTargets id={id} title={t.title} />
          <TargetComments targetId={id} controllerName={t.controllerName} />
        </section>

        <div className="grid min-w-0 content-start gap-6">
          <TargetStatus targetId={id} />
          {t.slo ? (
            <Suspense fallback={null}>
              <TargetSloPanel targetId={id} slo={t.slo} />
            </Suspense>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Progress</CardTitle>
            </CardHeader>
            <CardBody className="grid gap-2">
              <div className="flex items-center justify-between text-sm">
                <span>{Math.round(t.progress * 100)}% of the way</span>
                {t.status !== "active" ? <span className="text-muted">{TARGET_STATUS_LABELS[t.status]}</span> : null}
              </div>
              <ProgressBar value={t.progress} health={t.health} label="Progress of the target" />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Owners</CardTitle>
            </CardHeader>
            <CardBody>
              <ul className="grid gap-2 text-sm">
                {t.owners.map((o) => (
                  <li key={o.id} className="flex items-center gap-2">
                    <Link href={`/people/${o.id}`} className="hover:underline">
                      {o.name}
                    </Link>
                    <TrackBadge track={o.track} />
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-xs text-muted">
                {t.canEdit
                  ? "You own what to hit; they choose how."
                  : `${t.controllerName ?? "The controller"} sets what to hit; the owners choose how.`}
              </p>
            </CardBody>
          </Card>
          {t.description ? (
            <Card>
              <CardHeader>
                <CardTitle>Why and what</CardTitle>
              </CardHeader>
              <CardBody>
                <RenderedMarkdown>{t.description}</RenderedMarkdown>
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

/**
 * For everyone but the controller: the definition (metrics, goals, bands,
 * dates, owners, status) is shown read-only, and says whose it is. The owners
 * are told what is theirs: check-ins, the thread and the weekly status.
 */
function DefinitionNote({ controllerName, canCheckIn }: { controllerName: string | null; canCheckIn: boolean }) {
  const who = controllerName ?? "Its controller";
  return (
    <p
      className="mb-4 flex items-start gap-2 rounded-md border border-border bg-surface-2 px-3 py-2 text-sm"
      data-testid="definition-read-only"
    >
      <Lock aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted" />
      <span>
        {who} set this target and alone changes what is to be hit: its metrics, goals, bands, dates and owners.
        {canCheckIn ? " You own it: check in, comment and write the weekly status." : " You see it read-only."}
      </span>
    </p>
  );
}
