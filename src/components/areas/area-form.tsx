"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { PersonPicker, useLevelLabel, type PickedPerson } from "@/components/people";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { createAreaInput, type CreateAreaInput } from "@/lib/validators/people";

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
  const levelName = useLevelLabel();
  const form = useForm<CreateAreaInput>({ resolver: zodResolver(createAreaInput), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const draft = useFormDraft(form, { kind: draftId ? "area-edit" : "area", id: draftId, fields: ["name", "description"] });
  const { submit, formError } = useSubmit(form, async (values) => {
    await onSubmit(values);
    draft.clear();
  });
  const describe = (p: PickedPerson) => `${p.name} · ${levelName(p.level)}`;
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
            <PersonPicker
              {...a}
              value={(form.watch("emPersonId") as string | null | undefined) ?? null}
              onChange={(next) => form.setValue("emPersonId", next, { shouldDirty: true })}
              emptyLabel="No one yet"
              track="manager"
              describe={describe}
            />
          )}
        </Field>
        <Field label="Senior IC" error={errors.icPersonId?.message}>
          {(a) => (
            <PersonPicker
              {...a}
              value={(form.watch("icPersonId") as string | null | undefined) ?? null}
              onChange={(next) => form.setValue("icPersonId", next, { shouldDirty: true })}
              emptyLabel="No one yet"
              track="ic"
              describe={describe}
            />
          )}
        </Field>
      </div>
      <FormActions submitLabel={submitLabel} pending={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
