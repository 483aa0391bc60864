"use client";

import { CalendarPlus } from "lucide-react";
import { useState } from "react";
import type { Resolver } from "react-hook-form";
import { useForm } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormActions } from "@/components/forms/form-actions";
import { useSubmit } from "@/components/forms/use-submit";
import { useToday } from "@/components/ui/today";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useRescheduleMeeting, useScheduleMeeting } from "./mutations";

export { StartNowButton } from "./start-now-button";

/** A `datetime-local` value in the browser's zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// The schema (./when-form.ts) loads with zod on the first submit, not with the pages that show the button.
const whenResolver = lazyZodResolver(() => import("./when-form").then((m) => m.whenForm));
type WhenValues = { scheduledAt: string; past: boolean };
type WhenOutput = { scheduledAt: Date; past: boolean };

/** Book a 1:1 (or move one): a date and time, defaulting to the day it is due at 10:00. */
export function ScheduleDialog({
  personId,
  personName,
  dueDay,
  meeting,
  trigger,
  defaultOpen = false,
}: {
  personId: string;
  personName: string;
  dueDay?: string;
  meeting?: { id: string; scheduledAt: Date };
  trigger?: React.ReactNode;
  /** Open on arrival: the page was opened to book one (the palette's "Start a 1:1 with …"). */
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  // The user's day (as on Home and the prep page), not the UTC date.
  const today = useToday();
  const initial = () => {
    if (meeting) return toLocalInput(meeting.scheduledAt);
    return `${dueDay && dueDay > today ? dueDay : today}T10:00`;
  };
  const form = useForm<WhenValues, unknown, WhenOutput>({
    resolver: whenResolver as unknown as Resolver<WhenValues, unknown, WhenOutput>,
    defaultValues: { scheduledAt: initial(), past: false },
  });
  const options = {
    onSuccess: () => {
      setOpen(false);
      toast.success(meeting ? "1:1 moved." : `1:1 with ${personName} booked.`);
    },
  };
  const schedule = useScheduleMeeting(options);
  const reschedule = useRescheduleMeeting(options);
  const { submit, formError, clearError } = useSubmit(form, ({ scheduledAt, past }) =>
    meeting ? reschedule.mutateAsync({ id: meeting.id, scheduledAt, past }) : schedule.mutateAsync({ personId, scheduledAt, past }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          form.reset({ scheduledAt: initial(), past: false });
          clearError();
        }
      }}
    >
      <DialogTrigger asChild>
        {trigger ?? (
          <Button variant="secondary">
            <CalendarPlus aria-hidden="true" /> Schedule
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        title={meeting ? "Move this 1:1" : `Schedule a 1:1 with ${personName}`}
        description="Open talking points and actions will be on its agenda."
      >
        <form noValidate className="grid gap-4" onSubmit={submit}>
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <Field label="Date and time" error={form.formState.errors.scheduledAt?.message}>
            {(a) => <Input {...a} type="datetime-local" {...form.register("scheduledAt")} autoFocus />}
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-[var(--accent)]" {...form.register("past")} />
            Record a past 1:1 (it already happened)
          </label>
          <FormActions submitLabel={meeting ? "Move" : "Schedule"} pending={form.formState.isSubmitting} onCancel={() => setOpen(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
