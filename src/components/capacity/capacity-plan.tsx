"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { isStaleVersion } from "@/components/forms/version-conflict";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { CapacityBar } from "./capacity-bar";
import { CapacityTabs } from "./capacity-tabs";
import { LevelBadge, levelBar } from "./level-badge";
import { useAddPlanItem, useRemovePlanItem, useSaveCapacitySettings } from "./mutations";
import { WeekNav } from "./week-nav";

type Plan = RouterOutputs["capacity"]["plan"];

const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

function SettingsForm({ data }: { data: Plan }) {
  const toText = (s: Plan["settings"]) => ({ availableHours: String(s.availableHours), deepWorkCapPerDay: String(s.deepWorkCapPerDay), bufferPercent: String(s.bufferPercent), oneOnOneMinutes: String(s.oneOnOneMinutes) });
  const [values, setValues] = useState(toText(data.settings));
  // The version of this week's own settings the values here started from (0: none yet).
  const [version, setVersion] = useState(data.settingsVersion);
  // Loaded again for another week only: a refetch must not replace what is being typed
  // (a save from another tab meanwhile is refused as a conflict instead).
  useEffect(() => {
    setValues(toText(data.settings));
    setVersion(data.settingsVersion);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data.weekStart]);
  const save = useSaveCapacitySettings({
    onSuccess: (row) => {
      setVersion(row.version);
      toast.success("Capacity saved for this week and the weeks after.");
    },
  });
  const errors = save.error?.data?.fieldErrors ?? {};
  const field = (key: keyof typeof values, label: string, hint: string, step: string) => (
    <Field label={label} hint={hint} error={errors[key]}>
      {(a) => <Input {...a} type="number" inputMode="decimal" step={step} className="tabular-nums" value={values[key]} onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))} />}
    </Field>
  );
  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          weekStart: data.weekStart,
          version,
          availableHours: num(values.availableHours),
          deepWorkCapPerDay: num(values.deepWorkCapPerDay),
          bufferPercent: num(values.bufferPercent),
          oneOnOneMinutes: num(values.oneOnOneMinutes),
        });
      }}
    >
      {save.error && isStaleVersion(save.error) ? <Alert tone="danger">{save.error.message} Reload the page to see the saved settings, then save again.</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {field("availableHours", "Effective hours this week", "Hours you can work well, not hours at your desk.", "0.5")}
        {field("deepWorkCapPerDay", "Deep-work cap per day", "3–4 hours is typical in a senior role.", "0.5")}
        {field("bufferPercent", "Buffer kept free (%)", "For escalations and the unexpected.", "1")}
        {field("oneOnOneMinutes", "Minutes per 1:1", "1:1 time comes from your direct reports' cadences.", "5")}
      </div>
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-muted">{data.settingsFrom ? (data.settingsFrom === data.weekStart ? "Set for this week." : `Carried from the week of ${data.settingsFrom}.`) : "Defaults: not set yet."}</p>
        <Button type="submit" variant="secondary" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save capacity"}</Button>
      </div>
    </form>
  );
}

function AddItemForm({ weekStart }: { weekStart: string }) {
  const [title, setTitle] = useState("");
  const [hours, setHours] = useState("");
  const [deepWork, setDeepWork] = useState(false);
  const [recurring, setRecurring] = useState(false);
  const add = useAddPlanItem({
    onSuccess: () => {
      setTitle("");
      setHours("");
    },
  });
  const errors = add.error?.data?.fieldErrors ?? {};
  return (
    <form
      noValidate
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ weekStart, title, hours: num(hours), deepWork, recurring });
      }}
    >
      <div className="grid gap-2 sm:grid-cols-[1fr_7rem]">
        <Field label="Work" error={errors.title}>
          {(a) => <Input {...a} placeholder="Quarterly planning, hiring loop…" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label="Hours" error={errors.hours}>
          {(a) => <Input {...a} type="number" inputMode="decimal" step="0.5" min={0} value={hours} onChange={(e) => setHours(e.target.value)} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4 accent-[var(--color-accent)]" checked={deepWork} onChange={(e) => setDeepWork(e.target.checked)} /> Deep work
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4 accent-[var(--color-accent)]" checked={recurring} onChange={(e) => setRecurring(e.target.checked)} /> Every week
        </label>
        <Button type="submit" className="ml-auto" disabled={add.isPending}>Add to plan</Button>
      </div>
    </form>
  );
}

function ItemList({ data }: { data: Plan }) {
  const remove = useRemovePlanItem({
    onSuccess: (row) => {
      toast(row.removed === "ended" ? `"${row.title}" ends before this week; earlier weeks keep it.` : `"${row.title}" removed.`);
    },
  });
  return (
    <ul className="grid gap-1 text-sm" aria-label="Allocated work">
      <li className="flex items-center gap-2 rounded-md px-1 py-1.5">
        <span className="flex-1">
          <Link href="/one-on-ones" className="hover:underline">
            1:1s with {data.oneOnOnes.people} direct report{data.oneOnOnes.people === 1 ? "" : "s"}
          </Link>{" "}
          <span className="text-xs text-muted">(from their cadences)</span>
        </span>
        <Badge>Every week</Badge>
        <span className="w-14 text-right tabular-nums">{data.oneOnOnes.hours} h</span>
        <span className="w-7" />
      </li>
      {data.items.map((item) => (
        <li key={item.id} className="flex items-center gap-2 rounded-md px-1 py-1.5 hover:bg-surface-2">
          <span className="flex-1">{item.title}</span>
          {item.deepWork ? <Badge tone="accent">Deep work</Badge> : null}
          {item.recurring ? <Badge>Every week</Badge> : null}
          <span className="w-14 text-right tabular-nums">{item.hours} h</span>
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="icon" className="size-7" aria-label={`Remove ${item.title}`}>
                <Trash2 aria-hidden="true" className="size-3.5" />
              </Button>
            }
            title={`Remove "${item.title}"?`}
            description={item.recurring && item.weekStart < data.weekStart ? "It stops from this week on; earlier weeks keep it." : "It is taken off the plan."}
            confirmLabel="Remove"
            pending={remove.isPending}
            onConfirm={() => remove.mutate({ id: item.id, weekStart: data.weekStart })}
          />
        </li>
      ))}
    </ul>
  );
}

function EnergyBeside({ data }: { data: Plan }) {
  const { energy } = data;
  return (
    <div className="grid gap-3">
      {energy.average === null ? (
        <p className="text-sm text-muted">No energy logged this week. <Link className="text-accent hover:underline" href="/capacity">Log it</Link> to see it beside the plan.</p>
      ) : (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Average <LevelBadge level={energy.average} /> <span className="text-muted">from {energy.entries} entries</span>
        </p>
      )}
      <ol className="flex items-end gap-1.5" aria-label="Average energy per day">
        {energy.days.map((d) => (
          <li key={d.day} className="grid flex-1 justify-items-center gap-1 text-xs text-muted">
            <span className="flex h-14 w-full items-end rounded bg-surface-2">
              {d.average !== null ? (
                <span
                  className={`block w-full rounded ${levelBar(d.average)}`}
                  style={{ height: `${d.average * 10}%` }}
                  title={`${d.average.toFixed(1)}`}
                />
              ) : null}
            </span>
            <span>{new Date(`${d.day}T12:00:00Z`).toLocaleDateString(undefined, { weekday: "narrow", timeZone: "UTC" })}</span>
            <span className="sr-only">{d.average === null ? "not logged" : d.average.toFixed(1)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The week's plan: capacity, allocated work, the buffer and what is free, with the week's energy beside it. */
export function CapacityPlan({ weekStart }: { weekStart?: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.capacity.plan.queryOptions({ weekStart }));
  const { plan, settings } = data;
  const lowEnergy = data.energy.average !== null && data.energy.average < 5;
  return (
    <>
      <PageHeader title="Capacity" description="Plan below full capacity: keep a buffer for the unexpected, so you are there when your teams need you." />
      <CapacityTabs />
      <div className="mb-4">
        <WeekNav path="/capacity/plan" weekStart={data.weekStart} today={data.today} />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>This week's plan</CardTitle>
              <CardDescription>
                {Math.round(plan.allocated * 10) / 10} h allocated of {settings.availableHours} h; {settings.bufferPercent}% ({Math.round(plan.buffer * 10) / 10} h) kept free.
              </CardDescription>
            </CardHeader>
            <CardBody className="grid gap-4">
              <CapacityBar plan={plan} available={settings.availableHours} />
              {plan.state === "into_buffer" ? (
                <Alert tone="danger">
                  The plan eats {Math.round(plan.overPlannable * 10) / 10} h into your buffer. Keep time unallocated for escalations: drop or move something.
                </Alert>
              ) : plan.state === "over" ? (
                <Alert tone="danger">The plan is more than the week: {Math.round((plan.allocated - settings.availableHours) * 10) / 10} h over, with no buffer left.</Alert>
              ) : null}
              {plan.deepWorkOver > 0 ? (
                <Alert tone="danger">
                  {plan.deepWork} h of deep work is more than your cap ({settings.deepWorkCapPerDay} h a day, {plan.deepWorkCap} h a week).
                </Alert>
              ) : null}
              {lowEnergy && plan.state !== "ok" ? <Alert tone="danger">A low-energy week with a full plan: your energy averages {data.energy.average!.toFixed(1)}. Protect rest first.</Alert> : null}
              <ItemList data={data} />
              <AddItemForm weekStart={data.weekStart} />
            </CardBody>
          </Card>
        </div>
        <div className="grid content-start gap-4">
          <Card className={lowEnergy ? "border-warning/60" : undefined}>
            <CardHeader>
              <CardTitle>Energy this week</CardTitle>
            </CardHeader>
            <CardBody>
              <EnergyBeside data={data} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Capacity</CardTitle>
            </CardHeader>
            <CardBody>
              <SettingsForm data={data} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
