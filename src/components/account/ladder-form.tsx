"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { DEFAULT_LEVEL_LABELS, LEVELS, TRACK_LABELS, TRACKS } from "@/lib/people/ladder";
import { ladderLabelsInput, type LadderLabelsInput } from "@/lib/validators/people";
import { useTRPC } from "@/trpc/react";
import { useUpdateLadder } from "./mutations";

/** Rename the levels of both ladders to the account's own titles. */
export function LadderForm() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.people.ladder.queryOptions());
  const labels = data.labels as LadderLabelsInput;
  const form = useForm<LadderLabelsInput>({ resolver: zodResolver(ladderLabelsInput), defaultValues: labels });
  // The names' version this form stands on: a save from another tab in between is refused
  // with a message above the fields, and what was typed here stays in them.
  const version = useRef(data.version);
  const save = useUpdateLadder();
  const { submit, formError } = useSubmit(form, async (values) => {
    const saved = await save.mutateAsync({ ...values, version: version.current });
    version.current = saved.version;
    form.reset(saved.labels as LadderLabelsInput);
    toast.success("Ladder names saved.");
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <div className="grid gap-6 md:grid-cols-2">
        {TRACKS.map((track) => (
          <fieldset key={track} className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">{TRACK_LABELS[track]} ladder</legend>
            {LEVELS[track].map((level, i) => (
              <Field key={level} label={`Level ${i + 1}`} error={errors[level]?.message} hint={`Default: ${DEFAULT_LEVEL_LABELS[level]}`}>
                {(a) => <Input {...a} defaultValue={labels[level]} {...form.register(level)} />}
              </Field>
            ))}
          </fieldset>
        ))}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={!isDirty || isSubmitting}>
          {isSubmitting ? "Saving…" : "Save ladder names"}
        </Button>
        <Button variant="ghost" onClick={() => form.reset({ ...DEFAULT_LEVEL_LABELS }, { keepDefaultValues: true })}>
          Use the defaults
        </Button>
      </div>
    </form>
  );
}
