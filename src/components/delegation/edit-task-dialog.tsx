"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { isStaleVersion, VersionConflict } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/react";
import { useDeleteTask, useUpdateTask } from "./mutations";

type Task = {
  id: string;
  personId: string;
  version: number;
  title: string;
  competency: number;
  criticality: number;
  reviewDate: string | null;
  status: "open" | "done";
  targetId: string | null;
  description: string | null;
};

type Values = Pick<Task, "title" | "competency" | "criticality" | "reviewDate" | "status" | "targetId" | "description">;

const valuesOf = (t: Task): Values => ({ title: t.title, competency: t.competency, criticality: t.criticality, reviewDate: t.reviewDate, status: t.status, targetId: t.targetId, description: t.description });

/**
 * Edit a task's details (its level changes through "Change level", so the
 * history stays whole), or delete it. The save names the version the dialog
 * opened at: if the task was saved elsewhere meanwhile, what was typed stays
 * and the saved task is shown beside it.
 */
export function EditTaskDialog({ task }: { task: Task }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(valuesOf(task));
  const [version, setVersion] = useState(task.version);
  const [saved, setSaved] = useState<Task | null>(null);
  const update = useUpdateTask({
    onSuccess: () => {
      setSaved(null);
      setOpen(false);
      toast.success("Task saved.");
    },
    onError: async (error) => {
      if (!isStaleVersion(error)) return;
      const latest = await queryClient.fetchQuery({ ...trpc.delegation.review.queryOptions({ personId: task.personId }), staleTime: 0 }).catch(() => null);
      setSaved(latest?.tasks.find((t) => t.id === task.id) ?? null);
    },
  });
  const save = (atVersion: number) => update.mutate({ ...values, id: task.id, version: atVersion, reviewDate: values.reviewDate || null });
  const remove = useDeleteTask({
    onSuccess: () => {
      setOpen(false);
      toast.success(`“${task.title}” deleted.`);
    },
  });
  const { version: _stale, ...fieldErrors } = update.error?.data?.fieldErrors ?? {};
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setValues(valuesOf(task));
          setVersion(task.version);
          setSaved(null);
          update.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Edit ${task.title}`}>
          <Pencil aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit “${task.title}”`}>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            save(version);
          }}
        >
          {update.error && !Object.keys(fieldErrors).length ? <Alert tone="danger">{update.error.message}</Alert> : null}
          {saved ? (
            <VersionConflict
              pending={update.isPending}
              onSaveMine={() => {
                setVersion(saved.version);
                save(saved.version);
              }}
              onUseSaved={() => {
                setValues(valuesOf(saved));
                setVersion(saved.version);
                setSaved(null);
                update.reset();
              }}
              rows={[
                { label: "Task or decision area", value: saved.title },
                { label: "Description", value: saved.description },
                { label: "Their competency for it", value: String(saved.competency) },
                { label: "Criticality", value: String(saved.criticality) },
                { label: "Review by", value: saved.reviewDate },
                { label: "Status", value: saved.status === "done" ? "Done" : "Open" },
              ]}
            />
          ) : null}
          <Field label="Task or decision area" error={fieldErrors.title}>
            {(a) => <Input {...a} value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} />}
          </Field>
          <Field label="Description" error={fieldErrors.description}>
            {(a) => <Textarea {...a} rows={2} value={values.description ?? ""} onChange={(e) => setValues({ ...values, description: e.target.value || null })} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Their competency for it">
              {(a) => (
                <Select {...a} value={values.competency} onChange={(e) => setValues({ ...values, competency: Number(e.target.value) })}>
                  {[1, 2, 3, 4, 5].map((s) => <option key={s} value={s}>{s}</option>)}
                </Select>
              )}
            </Field>
            <Field label="Criticality">
              {(a) => (
                <Select {...a} value={values.criticality} onChange={(e) => setValues({ ...values, criticality: Number(e.target.value) })}>
                  {[1, 2, 3, 4, 5].map((s) => <option key={s} value={s}>{s}</option>)}
                </Select>
              )}
            </Field>
            <Field label="Review by" error={fieldErrors.reviewDate}>
              {(a) => <Input {...a} type="date" value={values.reviewDate ?? ""} onChange={(e) => setValues({ ...values, reviewDate: e.target.value || null })} />}
            </Field>
            <Field label="Status">
              {(a) => (
                <Select {...a} value={values.status} onChange={(e) => setValues({ ...values, status: e.target.value as "open" | "done" })}>
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
              <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" disabled={update.isPending}>Save task</Button>
            </span>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
