"use client";

import type { FieldValues, UseFormReturn } from "react-hook-form";
import { nullIfEmpty } from "@/components/forms/field-values";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { CreateTargetInput } from "@/lib/validators/targets";
import type { RouterOutputs } from "@/trpc/types";
import { OwnersField } from "./owners-field";

/**
 * The fields a new target and an imported OpenSLO share (lib/validators/slo.ts picks
 * them from the target's schema): its area, owners, dates and who sees it.
 */
type Placement = Pick<CreateTargetInput, "areaId" | "ownerIds" | "startDate" | "dueDate" | "sharedWithOrg">;
type FormOptions = RouterOutputs["targets"]["formOptions"];

/**
 * The form of either, as its placement fields: each form's values hold them
 * (the schema above), which react-hook-form's path types cannot see through
 * a generic, so this is the one place that says so.
 */
const placementOf = <T extends FieldValues & Placement>(form: UseFormReturn<T>) => form as unknown as UseFormReturn<Placement>;

/** "Area": choosing one proposes its pair (EM and IC) as the owners. */
export function AreaField<T extends FieldValues & Placement>({
  form,
  areas,
}: {
  form: UseFormReturn<T>;
  areas: FormOptions["areas"] | undefined;
}) {
  const f = placementOf(form);
  return (
    <Field label="Area" error={f.formState.errors.areaId?.message} hint="Choosing an area proposes its pair as owners.">
      {(a) => (
        <Select
          {...a}
          {...f.register("areaId", {
            setValueAs: nullIfEmpty,
            onChange: (e) => {
              const area = areas?.find((x) => x.id === e.target.value);
              const pair = [area?.emPersonId, area?.icPersonId].filter((v): v is string => Boolean(v));
              if (pair.length) f.setValue("ownerIds", pair, { shouldDirty: true, shouldValidate: true });
            },
          })}
        >
          <option value="">No area</option>
          {areas?.map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** "Owners", bound to the form: checked as they change once the form was submitted. */
export function TargetOwnersField<T extends FieldValues & Placement>({
  form,
  people,
  emptyMessage,
}: {
  form: UseFormReturn<T>;
  people: FormOptions["people"];
  emptyMessage: string;
}) {
  const f = placementOf(form);
  return (
    <OwnersField
      people={people}
      value={f.watch("ownerIds") ?? []}
      onChange={(next) => f.setValue("ownerIds", next, { shouldDirty: true, shouldValidate: f.formState.isSubmitted })}
      error={f.formState.errors.ownerIds?.message}
      emptyMessage={emptyMessage}
    />
  );
}

/** "Start date" and "Due date", side by side. */
export function TargetDatesFields<T extends FieldValues & Placement>({ form }: { form: UseFormReturn<T> }) {
  const f = placementOf(form);
  const { errors } = f.formState;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Start date" error={errors.startDate?.message}>
        {(a) => <Input {...a} type="date" {...f.register("startDate")} />}
      </Field>
      <Field label="Due date" error={errors.dueDate?.message}>
        {(a) => <Input {...a} type="date" {...f.register("dueDate")} />}
      </Field>
    </div>
  );
}

/** Shared with the organisation, or with the line alone. */
export function SharedWithOrgField<T extends FieldValues & Placement>({ form }: { form: UseFormReturn<T> }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" className="size-4 accent-[var(--accent)]" {...placementOf(form).register("sharedWithOrg")} />
      Share with the whole organisation (otherwise: you, its owners and the managers above them)
    </label>
  );
}
