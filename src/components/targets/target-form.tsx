"use client";

import { useQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { SimilarTargetsWarning } from "@/components/forms/duplicate-warnings";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { useVersionedForm, VersionConflict, type VersionedFormProps } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { TARGET_KIND_LABELS, TARGET_KINDS, TARGET_STATUS_LABELS } from "@/lib/targets/labels";
import type { CreateTargetInput } from "@/lib/validators/targets";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTRPC } from "@/trpc/react";
import { AreaField, SharedWithOrgField, TargetDatesFields, TargetOwnersField } from "./target-placement-fields";

export { defaultTargetValues } from "./target-defaults";

// The shared schema, loaded with zod on the first submit rather than with the page.
const targetResolver = lazyZodResolver(() => import("@/lib/validators/targets").then((m) => m.createTargetInput));

/**
 * Add or edit a target. An edit names the version it was loaded at
 * (`version`); a save refused because the target changed elsewhere keeps what
 * was typed and shows the saved target beside it.
 */
export function TargetForm({
  defaults,
  version = 1,
  loadSaved,
  submitLabel,
  onSubmit,
  onCancel,
  partOf,
  draftId,
}: VersionedFormProps<CreateTargetInput> & {
  onCancel: () => void;
  /** A sub-target: the title of the target it is part of. Its owners are people below the actor. */
  partOf?: string;
  /** Editing: the target's id, for the draft of the edit (a new target's draft is per parent, or one "new"). */
  draftId?: string;
}) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.targets.formOptions.queryOptions());
  const form = useForm<CreateTargetInput>({ resolver: targetResolver, defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const title = form.watch("title") ?? "";
  // A sub-target is owned by people further down: the actor is not offered.
  const people = (data?.people ?? []).filter((p) => !partOf || p.id !== data?.selfId);
  const versioned = useVersionedForm(form, { version, loadSaved });

  const draft = useFormDraft(form, {
    kind: draftId ? "target-edit" : defaults.parentId ? "sub-target" : "target",
    id: draftId ?? defaults.parentId,
    fields: ["title", "description"],
  });
  const { submit, formError, clearError } = useSubmit(
    form,
    versioned.guard(async (values, v) => {
      await onSubmit(values, v);
      draft.clear();
    }),
  );
  const saved = versioned.saved?.values;
  const nameOf = (id: string | null | undefined) =>
    people.find((p) => p.id === id)?.name ?? data?.areas.find((a) => a.id === id)?.name ?? "";

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <DraftNotice draft={draft} />
      {saved ? (
        <VersionConflict
          pending={isSubmitting}
          {...versioned.actions(submit, clearError)}
          rows={[
            { label: "Title", value: saved.title },
            { label: "Kind", value: TARGET_KIND_LABELS[saved.kind] },
            { label: "Status", value: saved.status ? TARGET_STATUS_LABELS[saved.status] : null },
            { label: "Area", value: nameOf(saved.areaId) },
            { label: "Owners", value: saved.ownerIds.map(nameOf).join(", ") },
            { label: "Start date", value: saved.startDate },
            { label: "Due date", value: saved.dueDate },
            { label: "Description", value: saved.description },
          ]}
        />
      ) : null}
      {partOf ? (
        <p className="rounded-md border border-border bg-surface-2 px-3 py-2 text-sm" data-testid="sub-target-of">
          Part of <span className="font-medium">{partOf}</span>. Its owners are people below you; you set what they hit.
        </p>
      ) : null}
      {errors.parentId?.message ? <Alert tone="danger">{errors.parentId.message}</Alert> : null}
      <Field label="Title" error={errors.title?.message} hint="What to hit, for example “Checkout at 99.95% uptime”.">
        {(a) => <Input {...a} autoFocus autoComplete="off" {...form.register("title")} />}
      </Field>
      {/* Editing: only a changed title is checked (the target is never its own duplicate). */}
      <SimilarTargetsWarning
        title={draftId && title === defaults.title ? "" : title}
        excludeId={draftId}
        verb={draftId ? "save" : "create"}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Kind" error={errors.kind?.message}>
          {(a) => (
            <Select {...a} {...form.register("kind")}>
              {TARGET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {TARGET_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <AreaField form={form} areas={data?.areas} />
      </div>
      <TargetOwnersField
        form={form}
        people={people}
        emptyMessage={
          partOf
            ? "Nobody is below you in the chart yet: a sub-target is owned by people further down."
            : "Add people first: a target is owned by one or more of them."
        }
      />
      <TargetDatesFields form={form} />
      <Field label="Description" error={errors.description?.message} hint="Markdown: **bold**, lists, links.">
        {(a) => <Textarea {...a} rows={4} {...form.register("description")} />}
      </Field>
      <SharedWithOrgField form={form} />
      <FormActions submitLabel={submitLabel} pending={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
