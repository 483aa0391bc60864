"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { useForm } from "@/components/forms/light-form";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { EditCheckInFormValues } from "@/lib/validators/targets";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useUpdateCheckIn } from "./mutations";
import type { CheckInRow } from "./types";

// The shared schema, loaded with zod on the first submit rather than with the page.
const editCheckInResolver = lazyZodResolver(() => import("@/lib/validators/targets").then((m) => m.editCheckInForm));

/** A Date as the value of a datetime-local input, in the browser's zone. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const typed = (c: CheckInRow): EditCheckInFormValues => ({ value: String(c.value), at: toLocalInput(c.at), note: c.note ?? "" });

/**
 * Edits one check-in. The fields and the version they stand on are filled
 * again each time the dialog opens; a save refused because the check-in was
 * saved elsewhere says so and keeps what was typed (reopening loads the saved one).
 */
export function EditCheckInDialog({ checkIn, label }: { checkIn: CheckInRow; label: string }) {
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(checkIn.version);
  const update = useUpdateCheckIn();
  const form = useForm({ resolver: editCheckInResolver, defaultValues: typed(checkIn) });
  const { errors } = form.formState;
  const { submit, formError, clearError } = useSubmit(form, async (values) => {
    await update.mutateAsync({ ...values, id: checkIn.id, version });
    setOpen(false);
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          form.reset(typed(checkIn));
          setVersion(checkIn.version);
          clearError();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={label}>
          <Pencil aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent title="Edit check-in">
        <form noValidate className="grid gap-3" onSubmit={submit}>
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <Field label="Value" error={errors.value?.message}>
            {(a) => <Input {...a} inputMode="decimal" {...form.register("value")} />}
          </Field>
          <Field label="When" error={errors.at?.message}>
            {(a) => <Input {...a} type="datetime-local" {...form.register("at")} />}
          </Field>
          <Field label="Note" error={errors.note?.message}>
            {(a) => <Input {...a} {...form.register("note")} />}
          </Field>
          <div data-dialog-footer className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={form.formState.isSubmitting}>
              Save
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
