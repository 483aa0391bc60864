"use client";

import { useId } from "react";
import { useForm } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import { useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { CheckInFormValues } from "@/lib/validators/targets";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { BulkCheckInsDialog } from "./bulk-check-ins-dialog";
import { useAddCheckIn } from "./mutations";
import type { MetricRow } from "./types";

const EMPTY: CheckInFormValues = { value: "", at: "", note: "" };

// The shared schema, loaded with zod on the first submit: the form is on the target page from the start.
const checkInResolver = lazyZodResolver(() => import("@/lib/validators/targets").then((m) => m.checkInForm));

/** Adds one check-in (value, when, note); the paste button beside it adds many. */
export function AddCheckInForm({ metric }: { metric: MetricRow }) {
  const add = useAddCheckIn();
  const formId = useId();
  const form = useForm({ resolver: checkInResolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const draft = useFormDraft(form, { kind: "check-in-note", id: metric.id, fields: ["note"] });
  const { submit, formError, clearError } = useSubmit(form, async (values) => {
    await add.mutateAsync({ ...values, metricId: metric.id });
    draft.clear();
    form.reset(EMPTY);
    toast.success(`Check-in added to ${metric.name}.`);
  });
  // The paste dialog is a sibling of the form, not inside it (even through a portal, React would pass its events to
  // this form): after "Add all" this form keeps no stale "Enter a number.", and its errors are cleared.
  return (
    <div className="grid gap-2">
      <form id={formId} className="grid gap-2 sm:grid-cols-[7rem_15rem_minmax(0,1fr)] sm:items-start" noValidate onSubmit={submit}>
        {/* An error no field owns (the metric was deleted meanwhile, say) shows under the value, as the one field that always matters. */}
        <Field label="Value" error={errors.value?.message ?? formError ?? undefined}>
          {(a) => (
            // The form's own error (shown here) goes once the value is typed again; a field error goes once it is valid.
            <Input {...a} inputMode="decimal" placeholder={metric.unit ?? ""} {...form.register("value", { onChange: clearError })} />
          )}
        </Field>
        <Field label="When" error={errors.at?.message} hint="Empty: now.">
          {(a) => <Input {...a} type="datetime-local" {...form.register("at")} />}
        </Field>
        <Field label="Note" error={errors.note?.message}>
          {(a) => <Input {...a} {...form.register("note")} />}
        </Field>
      </form>
      <div className="flex gap-1">
        <Button type="submit" form={formId} disabled={isSubmitting}>
          Add check-in
        </Button>
        <BulkCheckInsDialog
          metric={metric}
          onAdded={() => {
            form.clearErrors();
            clearError();
          }}
        />
      </div>
    </div>
  );
}
