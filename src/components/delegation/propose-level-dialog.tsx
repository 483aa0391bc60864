"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { proposeLevelInput } from "@/lib/validators/delegation";
import { useProposeLevel } from "./mutations";

type Level = { id: string; label: string; meaning: string };
type Values = z.input<typeof proposeLevelInput>;

/**
 * The delegatee proposes a level for their task, with why. The form names the
 * level it was opened at: if the delegator changed it meanwhile, the proposal
 * is refused with the level as it is now (shown next to the level).
 */
export function ProposeLevelDialog({
  task,
  levels,
  delegatorName,
}: {
  task: { id: string; title: string; levelId: string };
  levels: Level[];
  delegatorName: string;
}) {
  const [open, setOpen] = useState(false);
  const other = levels.find((l) => l.id !== task.levelId)?.id ?? task.levelId;
  const blank = (): Values => ({ taskId: task.id, fromLevelId: task.levelId, levelId: other, reason: "" });
  const form = useForm<Values>({ resolver: zodResolver(proposeLevelInput), defaultValues: blank() });
  const draft = useFormDraft(form, { kind: "proposal", id: task.id, fields: ["reason"] });
  const propose = useProposeLevel({
    onSuccess: () => {
      draft.clear();
      setOpen(false);
      form.reset(blank());
      toast.success(`Proposal sent to ${delegatorName}.`);
    },
  });
  const { submit, formError, clearError } = useSubmit(form, (values) => propose.mutateAsync(values));
  // A refused proposal (the level moved meanwhile) refreshes the page: the form then starts from the level shown now.
  useEffect(() => {
    form.setValue("fromLevelId", task.levelId);
  }, [form, task.levelId]);
  const { errors, isSubmitting } = form.formState;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          // The level as the page shows it now; a reason typed before stays.
          form.reset({ ...blank(), reason: form.getValues("reason") });
          clearError();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Propose a level
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Propose a level for “${task.title}”`}
        description={`${delegatorName} holds the level: they accept your proposal, or decline it with a reason.`}
      >
        <form className="grid gap-4" noValidate onSubmit={submit}>
          <DraftNotice draft={draft} />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <Field label="The level you would like" error={errors.levelId?.message}>
            {(a) => (
              <Select {...a} {...form.register("levelId")}>
                {levels.map((l) => (
                  <option key={l.id} value={l.id} disabled={l.id === task.levelId}>
                    {l.label} — {l.meaning}
                    {l.id === task.levelId ? " (now)" : ""}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Why" hint={`${delegatorName} reads it with your proposal.`} error={errors.reason?.message}>
            {(a) => <Textarea {...a} {...form.register("reason")} placeholder="I'd like to own the on-call rota at 'advise'…" />}
          </Field>
          <div data-dialog-footer className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              Send proposal
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
