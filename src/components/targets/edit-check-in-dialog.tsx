"use client";

import { useMutation } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { isStaleVersion } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";

/** A Date as the value of a datetime-local input, in the browser's zone. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function EditCheckInDialog({
  checkIn,
  label,
  onSaved,
}: {
  checkIn: { id: string; at: Date; value: number; note: string | null; version: number };
  label: string;
  onSaved: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(String(checkIn.value));
  const [at, setAt] = useState(toLocalInput(checkIn.at));
  const [note, setNote] = useState(checkIn.note ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The version the fields were filled from; they are filled again each time the dialog opens.
  const [version, setVersion] = useState(checkIn.version);
  const update = useMutation(
    trpc.targets.updateCheckIn.mutationOptions({
      onSuccess: async () => {
        await onSaved();
        setOpen(false);
      },
      // Saved elsewhere since this opened: say so and keep what was typed (reopening loads the saved one).
      onError: (error) => setErrors(isStaleVersion(error) ? { _: error.message } : (error.data?.fieldErrors ?? { _: error.message })),
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setValue(String(checkIn.value));
          setAt(toLocalInput(checkIn.at));
          setNote(checkIn.note ?? "");
          setVersion(checkIn.version);
          setErrors({});
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={label}>
          <Pencil aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent title="Edit check-in">
        <form
          noValidate
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const number = value.trim() === "" ? Number.NaN : Number(value);
            if (!Number.isFinite(number)) return setErrors({ value: "Enter a number." });
            if (!at) return setErrors({ at: "Choose a date and time." });
            update.mutate({ id: checkIn.id, version, value: number, at: new Date(at), note: note || null });
          }}
        >
          {errors._ ? <Alert tone="danger">{errors._}</Alert> : null}
          <Field label="Value" error={errors.value}>
            {(a) => <Input {...a} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
          </Field>
          <Field label="When" error={errors.at}>
            {(a) => <Input {...a} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
          </Field>
          <Field label="Note" error={errors.note}>
            {(a) => <Input {...a} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={update.isPending}>
              Save
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
