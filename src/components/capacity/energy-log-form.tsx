"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { FieldError, Resolver } from "react-hook-form";
import { useForm } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import { DEFAULT_TAGS, normaliseTags, SLOT_LABELS, SLOTS, type Slot } from "@/lib/energy/slots";
import { weekStartOf } from "@/lib/energy/week";
import { energyWord } from "@/lib/energy/weekly";
import type { logEnergyInput } from "@/lib/validators/capacity";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTRPC } from "@/trpc/react";
import { MeetingTagSuggestions } from "./meeting-tag-suggestions";
import { useLogEnergy, useUpdateEnergy } from "./mutations";

const LEVELS = Array.from({ length: 10 }, (_, i) => i + 1);

/** What the form holds: the chosen tags and, apart, the ones typed comma-separated. */
type EntryValues = { day: string; slot: Slot; level: number | null; tags: string[]; custom: string; note: string };
type LoggedEntry = z.output<typeof logEnergyInput>;

// The shared entry schema, loaded with zod on the first submit (Home shows this form from the start).
const entrySchemaResolver = lazyZodResolver(() => import("@/lib/validators/capacity").then((m) => m.logEnergyInput));

/** The shared entry schema checks what is sent: the chosen and typed tags as one list, an empty note as none. */
const entryResolver: Resolver<EntryValues> = (values, context, options) => {
  const { custom, ...entry } = values;
  const sent = { ...entry, tags: normaliseTags([...entry.tags, ...custom.split(",")]), note: entry.note || null };
  return entrySchemaResolver(sent as never, context, options as never) as never;
};

/** A tag's error sits on its index in the list; the form shows the first, or the list's own. */
function tagsError(errors: unknown): string | undefined {
  if (!errors) return undefined;
  if (Array.isArray(errors)) return errors.find(Boolean)?.message;
  const e = errors as FieldError & { root?: FieldError };
  return e.message ?? e.root?.message;
}

/**
 * Logs energy for a day and slot in two clicks (a level, then Log) and a few
 * keys. If that slot is already logged, the form edits that entry instead of
 * adding a second one.
 */
export function EnergyLogForm({
  day,
  slot,
  today,
  onDayChange,
  onSlotChange,
  knownTags = [],
  compact = false,
}: {
  day: string;
  slot: Slot;
  today: string;
  onDayChange: (day: string) => void;
  onSlotChange: (slot: Slot) => void;
  knownTags?: string[];
  compact?: boolean;
}) {
  const trpc = useTRPC();
  const { data: week } = useQuery(trpc.energy.week.queryOptions({ weekStart: weekStartOf(day) }));
  const existing = week?.entries.find((e) => e.day === day && e.slot === slot) ?? null;
  const form = useForm<EntryValues>({ resolver: entryResolver, defaultValues: { day, slot, level: null, tags: [], custom: "", note: "" } });
  // The day and slot are the page's (its week grid picks them too); the form checks and sends them.
  useEffect(() => {
    form.setValue("day", day);
    form.setValue("slot", slot);
  }, [form, day, slot]);
  // A slot already logged: the form edits that entry, starting from what it holds.
  useEffect(() => {
    form.setValue("level", existing?.level ?? null);
    form.setValue("tags", existing?.tags ?? []);
    form.setValue("note", existing?.note ?? "");
  }, [form, existing?.id, existing?.level, existing?.note, existing?.tags]);

  const options = {
    onSuccess: () => {
      form.setValue("custom", "");
      toast.success(`${SLOT_LABELS[slot]} logged.`);
    },
  };
  const log = useLogEnergy(options);
  const update = useUpdateEnergy(options);
  const { submit, formError } = useSubmit(form, (values) => {
    const entry = values as unknown as LoggedEntry;
    return existing
      ? update.mutateAsync({ id: existing.id, level: entry.level, tags: entry.tags, note: entry.note })
      : log.mutateAsync(entry);
  });
  const { errors: fieldErrors, isSubmitting } = form.formState;
  const errors = {
    slot: fieldErrors.slot?.message,
    day: fieldErrors.day?.message,
    level: fieldErrors.level?.message,
    tags: tagsError(fieldErrors.tags),
    note: fieldErrors.note?.message,
  };
  const [level, tags] = form.watch(["level", "tags"]);
  const allTags = normaliseTags([...DEFAULT_TAGS, ...knownTags, ...tags]);
  const toggle = (tag: string) => form.setValue("tags", tags.includes(tag) ? tags.filter((x) => x !== tag) : [...tags, tag]);
  const id = compact ? "quick-energy" : "energy";

  return (
    <form noValidate aria-label="Log energy" className="grid gap-3" onSubmit={submit}>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Field label="Slot" error={errors.slot}>
          {(a) => (
            <Select {...a} className="w-40" value={slot} onChange={(e) => onSlotChange(e.target.value as Slot)}>
              {SLOTS.map((s) => (
                <option key={s} value={s}>
                  {SLOT_LABELS[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Day" error={errors.day}>
          {(a) => (
            <Input
              {...a}
              type="date"
              className="w-44"
              max={today}
              value={day}
              onChange={(e) => e.target.value && onDayChange(e.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset className="grid gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">
          Energy, 1 drained … 10 energised
          {level !== null ? (
            <span className="font-normal text-muted">
              : {level}, {energyWord(level)}
            </span>
          ) : null}
        </legend>
        <div className="grid grid-cols-10 gap-1" role="radiogroup" aria-label="Energy level">
          {LEVELS.map((n) => (
            <label key={n} className="cursor-pointer">
              <input
                type="radio"
                name={`${id}-level`}
                className="peer sr-only"
                value={n}
                checked={level === n}
                onChange={() => form.setValue("level", n, { shouldValidate: form.formState.isSubmitted })}
              />
              <span
                className={cn(
                  "flex h-9 items-center justify-center rounded-md border text-sm tabular-nums peer-focus-visible:outline-2 peer-focus-visible:outline-[var(--ring)]",
                  level === n ? "border-accent bg-accent text-accent-fg" : "border-border bg-surface hover:bg-surface-2",
                )}
              >
                {n}
              </span>
            </label>
          ))}
        </div>
        {errors.level ? (
          <p role="alert" className="text-xs font-medium text-danger">
            {errors.level}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">What you did in the last hours</legend>
        <div className="flex flex-wrap gap-1.5">
          {allTags.map((tag) => (
            <button
              key={tag}
              type="button"
              aria-pressed={tags.includes(tag)}
              onClick={() => toggle(tag)}
              className={cn(
                "rounded-full border px-2.5 py-1 text-xs",
                tags.includes(tag) ? "border-accent bg-accent-soft text-accent" : "border-border text-muted hover:text-fg",
              )}
            >
              {tag}
            </button>
          ))}
        </div>
        <MeetingTagSuggestions day={day} slot={slot} chosen={tags} onAdd={(tag) => form.setValue("tags", [...tags, tag])} />
        <div className="grid gap-2">
          <label className="sr-only" htmlFor={`${id}-custom`}>
            Other tags, comma-separated
          </label>
          <Input id={`${id}-custom`} placeholder="Other tags, comma-separated" {...form.register("custom")} />
          <label className="sr-only" htmlFor={`${id}-note`}>
            Note
          </label>
          <Input id={`${id}-note`} placeholder="Note (optional)" {...form.register("note")} />
        </div>
        {(errors.tags ?? errors.note) ? (
          <p role="alert" className="text-xs font-medium text-danger">
            {errors.tags ?? errors.note}
          </p>
        ) : null}
      </fieldset>
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-muted">{existing ? `Already logged (${existing.level}): saving edits it.` : "Not logged yet."}</p>
        <Button type="submit" disabled={level === null || isSubmitting}>
          {isSubmitting ? "Saving…" : existing ? "Save changes" : "Log energy"}
        </Button>
      </div>
    </form>
  );
}
