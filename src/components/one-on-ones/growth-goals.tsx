"use client";

import { Pencil, Plus } from "lucide-react";
import { useRef, useState } from "react";
import { useForm } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormActions } from "@/components/forms/form-actions";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import type { goalFields } from "@/lib/validators/one-on-ones";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useAddGoal, useDeleteGoal, useUpdateGoal } from "./mutations";
import { DISPLAY_LOCALE } from "@/lib/format";
import { useTimeZone } from "@/components/ui/today";

type Goal = {
  id: string;
  title: string;
  description: string | null;
  status: "active" | "achieved" | "paused";
  version: number;
  notes: number;
  lastNoteAt: Date | null;
};
const STATUS_TONES = { active: "accent", achieved: "success", paused: "neutral" } as const;

type GoalValues = z.input<typeof goalFields>;
// The shared schema, loaded with zod on the first submit (the form is made with the page).
const goalResolver = lazyZodResolver(() => import("@/lib/validators/one-on-ones").then((m) => m.goalFields));
const valuesOf = (goal?: Goal): GoalValues => ({
  title: goal?.title ?? "",
  description: goal?.description ?? "",
  status: goal?.status ?? "active",
});

/** Add or edit a growth goal: what leadership they are developing. */
function GoalDialog({
  personId,
  track,
  goal,
  trigger,
}: {
  personId: string;
  track: "manager" | "ic";
  goal?: Goal;
  trigger: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const form = useForm<GoalValues>({ resolver: goalResolver, defaultValues: valuesOf(goal) });
  // The version the fields stand on: a save from another tab meanwhile is a conflict, shown with what was typed kept.
  const version = useRef(goal?.version ?? 1);
  const draft = useFormDraft(form, { kind: goal ? "goal-edit" : "goal", id: goal ? goal.id : personId, fields: ["title", "description"] });
  const options = {
    onSuccess: (row: { version: number }) => {
      draft.clear();
      version.current = row.version;
      setOpen(false);
      if (!goal) {
        form.resetField("title");
        form.resetField("description");
      }
      toast.success(goal ? "Goal updated." : "Goal added.");
    },
  };
  const add = useAddGoal(options);
  const update = useUpdateGoal(options);
  const remove = useDeleteGoal({
    onSuccess: () => {
      setOpen(false);
      toast("Goal deleted; its notes stay.");
    },
  });
  const { submit, formError, clearError } = useSubmit(form, (values) =>
    goal ? update.mutateAsync({ id: goal.id, version: version.current, ...values }) : add.mutateAsync({ personId, ...values }),
  );
  const { errors, isSubmitting } = form.formState;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        // An edit starts from the goal as the page shows it now, at that version.
        if (o && goal) {
          form.reset(valuesOf(goal));
          version.current = goal.version;
          clearError();
        }
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        title={goal ? "Edit growth goal" : "New growth goal"}
        description={
          track === "manager"
            ? "For a manager, for example: run an org of two teams, grow a manager."
            : "For an IC, for example: lead a technical initiative across teams."
        }
      >
        <form noValidate className="grid gap-4" onSubmit={submit}>
          <DraftNotice draft={draft} />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <Field label="Goal" error={errors.title?.message}>
            {(a) => <Input {...a} autoFocus {...form.register("title")} />}
          </Field>
          <Field label="What good looks like" error={errors.description?.message} hint="Optional.">
            {(a) => <Textarea {...a} rows={3} {...form.register("description")} />}
          </Field>
          <Field label="Status">
            {(a) => (
              <Select {...a} {...form.register("status")}>
                <option value="active">Active</option>
                <option value="paused">Paused</option>
                <option value="achieved">Achieved</option>
              </Select>
            )}
          </Field>
          <div className="flex flex-wrap items-center justify-between gap-2">
            {goal ? (
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" className="text-danger">
                    Delete goal
                  </Button>
                }
                title="Delete this goal?"
                description="Notes linked to it stay, unlinked."
                confirmLabel="Delete goal"
                pending={remove.isPending}
                onConfirm={() => remove.mutate({ id: goal.id })}
              />
            ) : (
              <span />
            )}
            <FormActions submitLabel={goal ? "Save goal" : "Add goal"} pending={isSubmitting} onCancel={() => setOpen(false)} />
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The coaching thread: a person's growth goals, each with how many notes it has. */
export function GrowthGoals({ personId, track, goals }: { personId: string; track: "manager" | "ic"; goals: Goal[] }) {
  const timeZone = useTimeZone();
  return (
    <div className="grid gap-2">
      {goals.length === 0 ? (
        <p className="text-sm text-muted">No growth goals yet: what leadership are they developing?</p>
      ) : (
        <ul className="grid gap-2">
          {goals.map((g) => (
            <li key={g.id} className="flex items-start gap-2 text-sm">
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{g.title}</span>
                  <Badge tone={STATUS_TONES[g.status]}>{g.status[0]!.toUpperCase() + g.status.slice(1)}</Badge>
                </div>
                {g.description ? <p className="text-xs text-muted">{g.description}</p> : null}
                <p className="text-xs text-muted">
                  {g.notes} note{g.notes === 1 ? "" : "s"}
                  {g.lastNoteAt
                    ? `, latest ${g.lastNoteAt.toLocaleDateString(DISPLAY_LOCALE, { timeZone, day: "numeric", month: "short" })}`
                    : ""}
                </p>
              </div>
              <GoalDialog
                personId={personId}
                track={track}
                goal={g}
                trigger={
                  <Button variant="ghost" size="icon" className="size-7 print:hidden" aria-label={`Edit goal: ${g.title}`}>
                    <Pencil aria-hidden="true" className="size-3.5" />
                  </Button>
                }
              />
            </li>
          ))}
        </ul>
      )}
      <div className="print:hidden">
        <GoalDialog
          personId={personId}
          track={track}
          trigger={
            <Button variant="secondary" size="sm">
              <Plus aria-hidden="true" /> Add growth goal
            </Button>
          }
        />
      </div>
    </div>
  );
}
