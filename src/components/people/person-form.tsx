"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { SimilarPeopleWarning } from "@/components/forms/duplicate-warnings";
import { nullIfEmpty } from "@/components/forms/field-values";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { useVersionedForm, VersionConflict, type VersionedFormProps } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { CADENCES, cadenceLabel, defaultCadence, LEVELS, TRACK_LABELS, TRACKS, type Track } from "@/lib/people/ladder";
import { createPersonInput, type CreatePersonInput } from "@/lib/validators/people";
import { PersonPicker, usePersonName } from "./person-picker";
import { useLevelLabel } from "./use-ladder";

export { EMPTY_PERSON } from "./person-defaults";

type Props = VersionedFormProps<CreatePersonInput> & {
  /** The person being edited; absent when adding. */
  personId?: string;
};

/**
 * Add or edit a person. Errors from the server land next to their field; what
 * was typed stays. A save refused because the person changed elsewhere shows
 * the saved details beside the fields.
 */
export function PersonForm({ personId, defaults, version = 1, loadSaved, submitLabel, onSubmit, onCancel }: Props) {
  const levelName = useLevelLabel();
  const form = useForm<CreatePersonInput>({ resolver: zodResolver(createPersonInput), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const track = form.watch("track") as Track;
  const cadence = form.watch("cadence");
  // Editing: only what was changed is checked for a look-alike (an existing duplicate is not news on every edit).
  const name = form.watch("name") ?? "";
  const email = form.watch("email") ?? "";
  const editing = Boolean(personId);

  const managerId = (form.watch("managerId") as string | null | undefined) ?? null;

  const versioned = useVersionedForm(form, { version, loadSaved });
  const draft = useFormDraft(form, { kind: personId ? "person-edit" : "person", id: personId, fields: ["notes"] });
  const { submit, formError, clearError } = useSubmit(
    form,
    versioned.guard(async (values, v) => {
      await onSubmit(values, v);
      draft.clear();
    }),
  );
  const saved = versioned.saved?.values;
  const savedManagerName = usePersonName(saved?.managerId as string | null | undefined);

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <DraftNotice draft={draft} />
      {saved ? (
        <VersionConflict
          pending={isSubmitting}
          {...versioned.actions(submit, clearError)}
          rows={[
            { label: "Name", value: saved.name },
            { label: "Email", value: saved.email },
            { label: "Title", value: saved.title },
            { label: "Track", value: TRACK_LABELS[saved.track] },
            { label: "Level", value: levelName(saved.level) },
            {
              label: "Reports to",
              value: saved.managerId ? (savedManagerName ?? "…") : "Me",
            },
            { label: "Leads", value: saved.leads },
            { label: "1:1 cadence", value: cadenceLabel(saved.cadence, saved.cadenceDays as number | null | undefined) },
            { label: "Start date", value: saved.startDate as string | null | undefined },
            { label: "Private notes", value: saved.notes },
          ]}
        />
      ) : null}
      <Field label="Name" error={errors.name?.message}>
        {(a) => <Input {...a} autoFocus autoComplete="off" {...form.register("name")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" error={errors.email?.message} hint="Optional; used to match CSV imports.">
          {(a) => <Input {...a} type="email" autoComplete="off" {...form.register("email")} />}
        </Field>
        <Field label="Title" error={errors.title?.message}>
          {(a) => <Input {...a} autoComplete="off" {...form.register("title")} />}
        </Field>
      </div>
      <SimilarPeopleWarning
        name={editing && name === defaults.name ? "" : name}
        email={editing && email === defaults.email ? "" : email}
        excludeId={personId}
        verb={editing ? "save" : "add"}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Track" error={errors.track?.message}>
          {(a) => (
            <Select
              {...a}
              {...form.register("track", {
                onChange: (e) => form.setValue("level", LEVELS[e.target.value as Track][0], { shouldDirty: true }),
              })}
            >
              {TRACKS.map((t) => (
                <option key={t} value={t}>
                  {TRACK_LABELS[t]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Level" error={errors.level?.message}>
          {(a) => (
            <Select {...a} {...form.register("level")}>
              {LEVELS[track].map((level) => (
                <option key={level} value={level}>
                  {levelName(level)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label="Reports to" error={errors.managerId?.message} hint="Type a name to find someone.">
        {(a) => (
          <PersonPicker
            {...a}
            value={managerId}
            emptyLabel="Me"
            // Anyone but the person and those below them (that would make a loop).
            notUnder={personId}
            describe={(m) => `${m.name} · ${levelName(m.level)}`}
            onChange={(next) => {
              form.setValue("managerId", next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
              // Adding: the cadence follows who they report to (none for someone else's report) until it is chosen.
              if (!personId && !form.getFieldState("cadence").isDirty) form.setValue("cadence", defaultCadence(next === null));
            }}
          />
        )}
      </Field>
      <Field
        label={track === "manager" ? "Organisation they lead" : "Technical area or initiative they lead"}
        error={errors.leads?.message}
        hint={track === "manager" ? "For example: Payments (two teams)." : "For example: the ledger re-architecture."}
      >
        {(a) => <Input {...a} autoComplete="off" {...form.register("leads")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="1:1 cadence" error={errors.cadence?.message}>
          {(a) => (
            <Select {...a} {...form.register("cadence")}>
              {CADENCES.map((c) => (
                <option key={c} value={c}>
                  {c === "days" ? "Every N days" : cadenceLabel(c)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {cadence === "days" ? (
          <Field label="Every how many days" error={errors.cadenceDays?.message}>
            {(a) => (
              <Input
                {...a}
                type="number"
                min={1}
                max={365}
                inputMode="numeric"
                {...form.register("cadenceDays", { setValueAs: nullIfEmpty })}
              />
            )}
          </Field>
        ) : (
          <Field label="Start date" error={errors.startDate?.message}>
            {(a) => <Input {...a} type="date" {...form.register("startDate")} />}
          </Field>
        )}
      </div>
      {cadence === "days" ? (
        <Field label="Start date" error={errors.startDate?.message}>
          {(a) => <Input {...a} type="date" {...form.register("startDate")} />}
        </Field>
      ) : null}
      <Field label="Private notes" error={errors.notes?.message} hint="Only you see these.">
        {(a) => <Textarea {...a} rows={3} {...form.register("notes")} />}
      </Field>
      <FormActions submitLabel={submitLabel} pending={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
