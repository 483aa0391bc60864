"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { nullIfEmpty } from "@/components/forms/field-values";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { useToday } from "@/components/ui/today";
import { reviewDateProblem } from "@/lib/delegation/review-date";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { suggestLevel } from "@/lib/delegation/suggestion";
import { createTaskInput, type CreateTaskInput } from "@/lib/validators/delegation";
import { useTRPC } from "@/trpc/react";
import { MAX_PAGE } from "@/lib/page-size";
import { useCreateTask } from "./mutations";

const SCORES = [1, 2, 3, 4, 5];

/** Add a task for a person: the level defaults to the suggestion, which updates as the scores change. */
export function NewTaskDialog({ personId, personName }: { personId: string; personName: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const form = useForm<CreateTaskInput>({
    resolver: zodResolver(createTaskInput),
    defaultValues: {
      personId,
      title: "",
      description: "",
      competency: 3,
      criticality: 3,
      levelId: undefined,
      targetId: null,
      reviewDate: "",
      ratingsShared: false,
    },
  });
  const { data: spectrum } = useQuery(trpc.delegation.activeSpectrum.queryOptions());
  // The first MAX_PAGE of the person's targets, worst first: a picker, bounded.
  const { data: targetPage } = useQuery(trpc.targets.list.queryOptions({ personId, limit: MAX_PAGE }));
  const targets = targetPage?.items ?? [];
  const [competency, criticality] = form.watch(["competency", "criticality"]);
  const suggestion = spectrum ? suggestLevel(spectrum.levels, competency, criticality) : null;
  const draft = useFormDraft(form, { kind: "task", id: personId, fields: ["title", "description"] });
  const create = useCreateTask({
    onSuccess: () => {
      draft.clear();
      setOpen(false);
      // The scores, target and review date stay for the next task of the kind.
      form.resetField("title");
      form.resetField("description");
      form.resetField("levelId");
      toast.success("Task added.");
    },
  });
  const today = useToday();
  // A review date in the past is refused here as on the server (which judges it by the user's day too).
  const { submit, formError } = useSubmit(form, async (values) => {
    const problem = reviewDateProblem(values.reviewDate as string | null | undefined, today);
    if (problem) return form.setError("reviewDate", { message: problem });
    return create.mutateAsync(values);
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> Add task
        </Button>
      </DialogTrigger>
      <DialogContent title={`A task for ${personName}`} description="A piece of work or a decision area, and how much of it is theirs.">
        <form noValidate className="grid gap-4" onSubmit={submit}>
          <DraftNotice draft={draft} />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <Field label="Task or decision area" error={errors.title?.message}>
            {(a) => <Input {...a} autoFocus {...form.register("title")} />}
          </Field>
          <Field label="Description" error={errors.description?.message} hint="Optional: what it covers, what good looks like.">
            {(a) => <Textarea {...a} rows={2} {...form.register("description")} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Their competency for it" hint="1 new to it … 5 expert" error={errors.competency?.message}>
              {(a) => (
                <Select {...a} {...form.register("competency", { setValueAs: Number })}>
                  {SCORES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Criticality" hint="1 easy to undo … 5 one-way door" error={errors.criticality?.message}>
              {(a) => (
                <Select {...a} {...form.register("criticality", { setValueAs: Number })}>
                  {SCORES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-[var(--accent)]" {...form.register("ratingsShared")} />
            Show the competency and criticality to them
          </label>
          <Field
            label="Delegation level"
            hint={suggestion ? `Suggested: ${suggestion.level.label} (${suggestion.reason}).` : undefined}
            error={errors.levelId?.message}
          >
            {(a) => (
              <Select {...a} {...form.register("levelId", { setValueAs: (v) => v || undefined })}>
                <option value="">Use the suggestion{suggestion ? ` (${suggestion.level.label})` : ""}</option>
                {spectrum?.levels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label} — {l.meaning}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Serves target" hint="Optional." error={errors.targetId?.message}>
              {(a) => (
                <Select {...a} {...form.register("targetId", { setValueAs: nullIfEmpty })}>
                  <option value="">None</option>
                  {targets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.title}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Review by" error={errors.reviewDate?.message}>
              {(a) => <Input {...a} type="date" min={today} {...form.register("reviewDate")} />}
            </Field>
          </div>
          <div data-dialog-footer className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              Add task
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
