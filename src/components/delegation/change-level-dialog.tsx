"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonRow } from "@/components/ui/button-row";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { setLevelInput } from "@/lib/validators/delegation";
import { useSetLevel } from "./mutations";

type Level = { id: string; label: string; meaning: string };
type SetLevelValues = z.input<typeof setLevelInput>;

/**
 * Changing a level asks for an optional reason; the change is kept in the
 * task's history. The suggestion shows above the choice (when the viewer may
 * see it), so going beyond it is a decision, and its reason shows on the review.
 */
export function ChangeLevelDialog({
  task,
  levels,
  suggestion,
}: {
  task: { id: string; title: string; levelId: string };
  levels: Level[];
  suggestion: { label: string; reason: string } | null;
}) {
  const [open, setOpen] = useState(false);
  const form = useForm<SetLevelValues>({
    resolver: zodResolver(setLevelInput),
    defaultValues: { id: task.id, levelId: task.levelId, reason: "" },
  });
  const draft = useFormDraft(form, { kind: "level-reason", id: task.id, fields: ["reason"] });
  const setLevel = useSetLevel({
    onSuccess: () => {
      draft.clear();
      setOpen(false);
      form.resetField("reason");
      toast.success("Level changed.");
    },
  });
  const { submit, formError, clearError } = useSubmit(form, (values) => setLevel.mutateAsync(values));
  const { errors, isSubmitting } = form.formState;
  const levelId = form.watch("levelId");
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          // The level as the page shows it now; a reason typed before stays.
          form.reset({ id: task.id, levelId: task.levelId, reason: form.getValues("reason") });
          clearError();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Change level
        </Button>
      </DialogTrigger>
      <DialogContent title={`Change the level of “${task.title}”`}>
        <form className="grid gap-4" noValidate onSubmit={submit}>
          <DraftNotice draft={draft} />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          {suggestion ? (
            <p className="text-sm text-muted">
              Suggested: <span className="font-medium text-fg">{suggestion.label}</span> — {suggestion.reason}
            </p>
          ) : null}
          <Field label="Level" error={errors.levelId?.message}>
            {(a) => (
              <Select {...a} {...form.register("levelId")}>
                {levels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label} — {l.meaning}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            label="Why (optional)"
            hint="Kept in the task's history; beyond the suggestion, the review shows it beside the level."
            error={errors.reason?.message}
          >
            {(a) => <Input {...a} {...form.register("reason")} />}
          </Field>
          <ButtonRow end data-dialog-footer>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting || levelId === task.levelId}>
              Change level
            </Button>
          </ButtonRow>
        </form>
      </DialogContent>
    </Dialog>
  );
}
