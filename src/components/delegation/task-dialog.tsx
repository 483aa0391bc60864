"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { suggestLevel } from "@/lib/delegation/suggestion";
import { useTRPC } from "@/trpc/react";
import { useCreateTask } from "./mutations";

const SCORES = [1, 2, 3, 4, 5];

/** Add a task for a person: the level defaults to the suggestion, which updates as the scores change. */
export function NewTaskDialog({ personId, personName }: { personId: string; personName: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [competency, setCompetency] = useState(3);
  const [criticality, setCriticality] = useState(3);
  const [levelId, setLevelId] = useState("");
  const [targetId, setTargetId] = useState("");
  const [reviewDate, setReviewDate] = useState("");
  const { data: spectrum } = useQuery(trpc.delegation.activeSpectrum.queryOptions());
  const { data: targets = [] } = useQuery(trpc.targets.list.queryOptions({ personId }));
  const suggestion = spectrum ? suggestLevel(spectrum.levels, competency, criticality) : null;
  const create = useCreateTask({
    onSuccess: () => {
      setOpen(false);
      setTitle("");
      setDescription("");
      setLevelId("");
      toast.success("Task added.");
    },
  });
  const fieldErrors = create.error?.data?.fieldErrors ?? {};
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> Add task
        </Button>
      </DialogTrigger>
      <DialogContent title={`A task for ${personName}`} description="A piece of work or a decision area, and how much of it is theirs.">
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ personId, title, description: description || null, competency, criticality, levelId: levelId || undefined, targetId: targetId || null, reviewDate: reviewDate || null });
          }}
        >
          {create.error && !Object.keys(fieldErrors).length ? <Alert tone="danger">{create.error.message}</Alert> : null}
          <Field label="Task or decision area" error={fieldErrors.title}>
            {(a) => <Input {...a} autoFocus value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field label="Description" error={fieldErrors.description} hint="Optional: what it covers, what good looks like.">
            {(a) => <Textarea {...a} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Their competency for it" hint="1 new to it … 5 expert">
              {(a) => (
                <Select {...a} value={competency} onChange={(e) => setCompetency(Number(e.target.value))}>
                  {SCORES.map((s) => (
                    <option key={s} value={s}>{s}</option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Criticality" hint="1 easy to undo … 5 one-way door">
              {(a) => (
                <Select {...a} value={criticality} onChange={(e) => setCriticality(Number(e.target.value))}>
                  {SCORES.map((s) => (
                    <option key={s} value={s}>{s}</option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <Field label="Delegation level" hint={suggestion ? `Suggested: ${suggestion.level.label} (${suggestion.reason}).` : undefined} error={fieldErrors.levelId}>
            {(a) => (
              <Select {...a} value={levelId} onChange={(e) => setLevelId(e.target.value)}>
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
            <Field label="Serves target" hint="Optional.">
              {(a) => (
                <Select {...a} value={targetId} onChange={(e) => setTargetId(e.target.value)}>
                  <option value="">None</option>
                  {targets.map((t) => (
                    <option key={t.id} value={t.id}>{t.title}</option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Review by" error={fieldErrors.reviewDate}>
              {(a) => <Input {...a} type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} />}
            </Field>
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={create.isPending}>Add task</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
