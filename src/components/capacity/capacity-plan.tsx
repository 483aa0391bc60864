"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useRef } from "react";
import { useForm } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { numberOrNull } from "@/components/forms/field-values";
import { useSubmit } from "@/components/forms/use-submit";
import { isStaleVersion } from "@/components/forms/version-conflict";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { addCapacityItemInput, capacitySettingsInput } from "@/lib/validators/capacity";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { CapacityBar } from "./capacity-bar";
import { CapacityTabs } from "./capacity-tabs";
import { LevelBadge, levelBar } from "@/components/ui/level-badge";
import { useAddPlanItem, useRemovePlanItem, useSaveCapacitySettings } from "./mutations";
import { WeekNav } from "./week-nav";
import { MeetingLoadLine } from "./meeting-load-line";
import { DISPLAY_LOCALE } from "@/lib/format";

type Plan = RouterOutputs["capacity"]["plan"];

/** The week's settings as the form edits them; the week and the version they started from travel beside them. */
type Settings = Omit<z.input<typeof capacitySettingsInput>, "version">;
// The shared schemas (without the version for the settings), loaded with zod on a form's first submit.
const settingsResolver = lazyZodResolver(() =>
  import("@/lib/validators/capacity").then((m) => m.capacitySettingsInput.omit({ version: true })),
);
const settingsOf = (data: Plan): Settings => ({ weekStart: data.weekStart, ...pick(data.settings) });
const pick = ({ availableHours, deepWorkCapPerDay, bufferPercent, oneOnOneMinutes }: Plan["settings"]) => ({
  availableHours,
  deepWorkCapPerDay,
  bufferPercent,
  oneOnOneMinutes,
});
/** "" is no number: the schema says "Enter hours." next to the field. */
const asNumber = { setValueAs: numberOrNull };

/** Keyed by the week: another week's settings mount afresh, while a refetch never replaces what is being typed. */
function SettingsForm({ data }: { data: Plan }) {
  const form = useForm<Settings>({ resolver: settingsResolver, defaultValues: settingsOf(data) });
  // The version of this week's own settings the values here started from (0: none yet);
  // a save from another tab meanwhile is refused as a conflict.
  const version = useRef(data.settingsVersion);
  const save = useSaveCapacitySettings({
    onSuccess: (row) => {
      version.current = row.version;
      toast.success("Capacity saved for this week and the weeks after.");
    },
  });
  const { submit, formError } = useSubmit(form, (values) => save.mutateAsync({ ...values, version: version.current }));
  const { errors, isSubmitting } = form.formState;
  const field = (key: Exclude<keyof Settings, "weekStart">, label: string, hint: string, step: string) => (
    <Field label={label} hint={hint} error={errors[key]?.message}>
      {(a) => <Input {...a} type="number" inputMode="decimal" step={step} className="tabular-nums" {...form.register(key, asNumber)} />}
    </Field>
  );
  return (
    <form noValidate className="grid gap-3" onSubmit={submit}>
      {formError ? (
        <Alert tone="danger">
          {formError}
          {isStaleVersion(save.error) ? " Reload the page to see the saved settings, then save again." : null}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {field("availableHours", "Effective hours this week", "Hours you can work well, not hours at your desk.", "0.5")}
        {field("deepWorkCapPerDay", "Deep-work cap per day", "3–4 hours is typical in a senior role.", "0.5")}
        {field("bufferPercent", "Buffer kept free (%)", "For escalations and the unexpected.", "1")}
        {field("oneOnOneMinutes", "Minutes per 1:1", "1:1 time comes from your direct reports' cadences.", "5")}
      </div>
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-muted">
          {data.settingsFrom
            ? data.settingsFrom === data.weekStart
              ? "Set for this week."
              : `Carried from the week of ${data.settingsFrom}.`
            : "Defaults: not set yet."}
        </p>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save capacity"}
        </Button>
      </div>
    </form>
  );
}

type NewItem = z.input<typeof addCapacityItemInput>;
const newItemResolver = lazyZodResolver(() => import("@/lib/validators/capacity").then((m) => m.addCapacityItemInput));

function AddItemForm({ weekStart }: { weekStart: string }) {
  const form = useForm<NewItem>({
    resolver: newItemResolver,
    // Hours start empty (no number yet), which the schema reports as "Enter hours."
    defaultValues: { weekStart, title: "", hours: "" as unknown as number, deepWork: false, recurring: false },
  });
  // Deep work and "every week" stay as ticked, for the next item.
  const add = useAddPlanItem({
    onSuccess: () => {
      form.resetField("title");
      form.resetField("hours");
    },
  });
  const { submit, formError } = useSubmit(form, (values) => add.mutateAsync(values));
  const { errors, isSubmitting } = form.formState;
  return (
    <form noValidate className="grid gap-2" onSubmit={submit}>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <div className="grid gap-2 sm:grid-cols-[1fr_7rem]">
        <Field label="Work" error={errors.title?.message}>
          {(a) => <Input {...a} placeholder="Quarterly planning, hiring loop…" {...form.register("title")} />}
        </Field>
        <Field label="Hours" error={errors.hours?.message}>
          {(a) => <Input {...a} type="number" inputMode="decimal" step="0.5" min={0} {...form.register("hours", asNumber)} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4 accent-[var(--color-accent)]" {...form.register("deepWork")} /> Deep work
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4 accent-[var(--color-accent)]" {...form.register("recurring")} /> Every week
        </label>
        <Button type="submit" className="ml-auto" disabled={isSubmitting}>
          Add to plan
        </Button>
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
            description={
              item.recurring && item.weekStart < data.weekStart
                ? "It stops from this week on; earlier weeks keep it."
                : "It is taken off the plan."
            }
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
        <p className="text-sm text-muted">
          No energy logged this week.{" "}
          <Link className="text-accent hover:underline" href="/capacity">
            Log it
          </Link>{" "}
          to see it beside the plan.
        </p>
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
            <span>{new Date(`${d.day}T12:00:00Z`).toLocaleDateString(DISPLAY_LOCALE, { weekday: "narrow", timeZone: "UTC" })}</span>
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
      <PageHeader
        title="Capacity"
        description="Plan below full capacity: keep a buffer for the unexpected, so you are there when your teams need you."
      />
      <CapacityTabs />
      <div className="mb-4 grid gap-2">
        <WeekNav path="/capacity/plan" weekStart={data.weekStart} today={data.today} />
        <MeetingLoadLine weekStart={data.weekStart} />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{"This week's plan"}</CardTitle>
              <CardDescription>
                {Math.round(plan.allocated * 10) / 10} h allocated of {settings.availableHours} h; {settings.bufferPercent}% (
                {Math.round(plan.buffer * 10) / 10} h) kept free.
              </CardDescription>
            </CardHeader>
            <CardBody className="grid gap-4">
              <CapacityBar plan={plan} available={settings.availableHours} />
              {plan.state === "into_buffer" ? (
                <Alert tone="danger">
                  The plan eats {Math.round(plan.overPlannable * 10) / 10} h into your buffer. Keep time unallocated for escalations: drop
                  or move something.
                </Alert>
              ) : plan.state === "over" ? (
                <Alert tone="danger">
                  The plan is more than the week: {Math.round((plan.allocated - settings.availableHours) * 10) / 10} h over, with no buffer
                  left.
                </Alert>
              ) : null}
              {plan.deepWorkOver > 0 ? (
                <Alert tone="danger">
                  {plan.deepWork} h of deep work is more than your cap ({settings.deepWorkCapPerDay} h a day, {plan.deepWorkCap} h a week).
                </Alert>
              ) : null}
              {lowEnergy && plan.state !== "ok" ? (
                <Alert tone="danger">
                  A low-energy week with a full plan: your energy averages {data.energy.average!.toFixed(1)}. Protect rest first.
                </Alert>
              ) : null}
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
              <SettingsForm key={data.weekStart} data={data} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
