"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/react";

type Task = {
  id: string;
  title: string;
  competency: number;
  criticality: number;
  reviewDate: string | null;
  status: "open" | "done";
  targetId: string | null;
  description: string | null;
};

/** Edit a task's details (its level changes through "Change level", so the history stays whole), or delete it. */
export function EditTaskDialog({ task }: { task: Task }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(task);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.delegation.pathKey() });
  const update = useMutation(
    trpc.delegation.updateTask.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setOpen(false);
        toast.success("Task saved.");
      },
    }),
  );
  const remove = useMutation(
    trpc.delegation.deleteTask.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setOpen(false);
        toast.success(`“${task.title}” deleted.`);
      },
    }),
  );
  const fieldErrors = update.error?.data?.fieldErrors ?? {};
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setValues(task); }}>
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
            update.mutate({ ...values, reviewDate: values.reviewDate || null });
          }}
        >
          {update.error && !Object.keys(fieldErrors).length ? <Alert tone="danger">{update.error.message}</Alert> : null}
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
            <Button
              variant="ghost"
              onClick={() => {
                if (window.confirm(`Delete “${task.title}” and its history?`)) remove.mutate({ id: task.id });
              }}
            >
              <Trash2 aria-hidden="true" /> Delete
            </Button>
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
