"use client";

import { useQueryClient } from "@tanstack/react-query";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { useVersionedForm, VersionConflict } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { updateTaskInput } from "@/lib/validators/delegation";
import { useTRPC } from "@/trpc/react";
import { useDeleteTask, useUpdateTask } from "./mutations";

type Task = {
  id: string;
  personId: string;
  version: number;
  title: string;
  competency: number;
  criticality: number;
  ratingsShared: boolean;
  reviewDate: string | null;
  status: "open" | "done";
  targetId: string | null;
  description: string | null;
};

/** The fields the dialog edits, checked by the shared task schema. */
const taskForm = updateTaskInput.omit({ id: true, version: true });
type Values = z.input<typeof taskForm>;

const valuesOf = (t: Task): Values => ({
  title: t.title,
  competency: t.competency,
  criticality: t.criticality,
  ratingsShared: t.ratingsShared,
  reviewDate: t.reviewDate ?? "",
  status: t.status,
  targetId: t.targetId,
  description: t.description ?? "",
});

/**
 * Edit a task's details (its level changes through "Change level", so the
 * history stays whole), or delete it. The save names the version the dialog
 * opened at: if the task was saved elsewhere meanwhile, what was typed stays
 * and the saved task is shown beside it.
 */
export function EditTaskDialog({ task }: { task: Task }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Edit ${task.title}`}>
          <Pencil aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit “${task.title}”`}>
        {/* Mounted on each opening: the form starts from the task as the page shows it now, at that version. */}
        <EditTaskForm task={task} onClose={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function EditTaskForm({ task, onClose }: { task: Task; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ resolver: zodResolver(taskForm), defaultValues: valuesOf(task) });
  const draft = useFormDraft(form, { kind: "task-edit", id: task.id, fields: ["title", "description"] });
  const update = useUpdateTask({
    onSuccess: () => {
      draft.clear();
      onClose();
      toast.success("Task saved.");
    },
  });
  const remove = useDeleteTask({
    onSuccess: () => {
      onClose();
      toast.success(`“${task.title}” deleted.`);
    },
  });
  const versioned = useVersionedForm(form, {
    version: task.version,
    loadSaved: async () => {
      const latest = await queryClient.fetchQuery({ ...trpc.delegation.review.queryOptions({ personId: task.personId }), staleTime: 0 });
      const row = latest.tasks.find((t) => t.id === task.id);
      if (!row) throw new Error("The task is gone.");
      // The delegator (the only one who edits) always reads the ratings.
      return { version: row.version, values: valuesOf({ ...row, competency: row.competency ?? 3, criticality: row.criticality ?? 3 }) };
    },
  });
  const { submit, formError, clearError } = useSubmit(
    form,
    versioned.guard((values, version) => update.mutateAsync({ ...values, id: task.id, version })),
  );
  const { errors, isSubmitting } = form.formState;
  const saved = versioned.saved?.values;
  const score = { setValueAs: Number };
  return (
    <form noValidate className="grid gap-4" onSubmit={submit}>
      <DraftNotice draft={draft} />
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      {saved ? (
        <VersionConflict
          pending={isSubmitting}
          {...versioned.actions(submit, clearError)}
          rows={[
            { label: "Task or decision area", value: saved.title },
            { label: "Description", value: saved.description },
            { label: "Their competency for it", value: String(saved.competency) },
            { label: "Criticality", value: String(saved.criticality) },
            { label: "Review by", value: saved.reviewDate as string | null },
            { label: "Status", value: saved.status === "done" ? "Done" : "Open" },
          ]}
        />
      ) : null}
      <Field label="Task or decision area" error={errors.title?.message}>
        {(a) => <Input {...a} {...form.register("title")} />}
      </Field>
      <Field label="Description" error={errors.description?.message}>
        {(a) => <Textarea {...a} rows={2} {...form.register("description")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Their competency for it" error={errors.competency?.message}>
          {(a) => (
            <Select {...a} {...form.register("competency", score)}>
              {[1, 2, 3, 4, 5].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Criticality" error={errors.criticality?.message}>
          {(a) => (
            <Select {...a} {...form.register("criticality", score)}>
              {[1, 2, 3, 4, 5].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Review by" error={errors.reviewDate?.message}>
          {(a) => <Input {...a} type="date" {...form.register("reviewDate")} />}
        </Field>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" className="size-4 accent-[var(--accent)]" {...form.register("ratingsShared")} />
          Show the ratings to them
        </label>
        <Field label="Status">
          {(a) => (
            <Select {...a} {...form.register("status")}>
              <option value="open">Open</option>
              <option value="done">Done</option>
            </Select>
          )}
        </Field>
      </div>
      <div className="flex justify-between gap-2">
        <ConfirmDialog
          trigger={
            <Button variant="ghost">
              <Trash2 aria-hidden="true" /> Delete
            </Button>
          }
          title={`Delete “${task.title}” and its history?`}
          description="The task and every level change kept for it are removed for good."
          confirmLabel="Delete task"
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id: task.id })}
        />
        <span className="flex gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            Save task
          </Button>
        </span>
      </div>
    </form>
  );
}
