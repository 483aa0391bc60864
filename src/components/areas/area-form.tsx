"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { nullIfEmpty } from "@/components/forms/field-values";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { useLevelLabel } from "@/components/people";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { createAreaInput, type CreateAreaInput } from "@/lib/validators/people";
import { useTRPC } from "@/trpc/react";

export function AreaForm({
  defaults,
  submitLabel,
  onSubmit,
  onCancel,
  draftId,
}: {
  defaults: CreateAreaInput;
  /** Editing: the area's id, for the draft of the edit. */
  draftId?: string;
  submitLabel: string;
  onSubmit: (values: CreateAreaInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const levelName = useLevelLabel();
  const { data: options = [] } = useQuery(trpc.people.options.queryOptions());
  const form = useForm<CreateAreaInput>({ resolver: zodResolver(createAreaInput), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const draft = useFormDraft(form, { kind: draftId ? "area-edit" : "area", id: draftId, fields: ["name", "description"] });
  const { submit, formError } = useSubmit(form, async (values) => {
    await onSubmit(values);
    draft.clear();
  });
  const pick = (track: "manager" | "ic") => options.filter((o) => o.track === track);
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <DraftNotice draft={draft} />
      <Field label="Name" error={errors.name?.message} hint='For example "Payments platform".'>
        {(a) => <Input {...a} autoFocus autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field label="Description" error={errors.description?.message}>
        {(a) => <Textarea {...a} rows={2} {...form.register("description")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Engineering manager" error={errors.emPersonId?.message}>
          {(a) => (
            <Select {...a} {...form.register("emPersonId", { setValueAs: nullIfEmpty })}>
              <option value="">No one yet</option>
              {pick("manager").map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {levelName(p.level)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Senior IC" error={errors.icPersonId?.message}>
          {(a) => (
            <Select {...a} {...form.register("icPersonId", { setValueAs: nullIfEmpty })}>
              <option value="">No one yet</option>
              {pick("ic").map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {levelName(p.level)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <FormActions submitLabel={submitLabel} pending={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
