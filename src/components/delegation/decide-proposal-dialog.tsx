"use client";

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonRow } from "@/components/ui/button-row";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useDecideProposal } from "./mutations";

type Desired = { proposalId: string; level: { label: string }; reason: string; stale: boolean };

/**
 * The delegator answers the delegatee's proposal: accept (the level changes,
 * "Agreed" in the history) or decline with a reason the delegatee reads. A
 * proposal made before the level last changed can only be declined.
 */
export function DecideProposalDialog({
  task,
  desired,
  personName,
}: {
  task: { title: string; level: { label: string } };
  desired: Desired;
  personName: string;
}) {
  const [open, setOpen] = useState(false);
  // The answer is kept as a draft per proposal (a react-hook-form only for that).
  const form = useForm({ defaultValues: { reason: "" } });
  const reason = useWatch({ control: form.control, name: "reason" }) ?? "";
  const draft = useFormDraft(form, { kind: "proposal-answer", id: desired.proposalId, fields: ["reason"] });
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const decide = useDecideProposal({
    onSuccess: (_row, input) => {
      draft.clear();
      setOpen(false);
      form.reset({ reason: "" });
      toast.success(input.decision === "accept" ? `Level changed to ${desired.level.label}.` : "Proposal declined.");
    },
    onError: (e) => {
      const fields = (e as { data?: { fieldErrors?: Record<string, string> | null } }).data?.fieldErrors;
      if (fields?.reason) setFieldError(fields.reason);
      else setError(e.message);
    },
  });
  const answer = (decision: "accept" | "decline") => {
    setError(null);
    setFieldError(undefined);
    if (decision === "decline" && !reason.trim()) {
      setFieldError("Say why you decline, so they know.");
      return;
    }
    decide.mutate({ id: desired.proposalId, decision, reason: reason || null });
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(null);
        setFieldError(undefined);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">Answer proposal</Button>
      </DialogTrigger>
      <DialogContent
        title={`${personName} proposes ${desired.level.label}`}
        description={`For “${task.title}”, now at ${task.level.label}.`}
      >
        <div className="grid gap-4">
          <p className="break-words rounded-md border border-border bg-surface-2 px-3 py-2 text-sm">“{desired.reason}”</p>
          {desired.stale ? (
            <Alert tone="info">The level changed since this proposal was made: you can decline it, or change the level yourself.</Alert>
          ) : null}
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <DraftNotice draft={draft} />
          <Field label="Your answer" hint={`${personName} reads it. Needed to decline.`} error={fieldError}>
            {(a) => <Textarea {...a} {...form.register("reason")} />}
          </Field>
          <ButtonRow end data-dialog-footer>
            <Button variant="secondary" onClick={() => answer("decline")} disabled={decide.isPending}>
              Decline
            </Button>
            <Button onClick={() => answer("accept")} disabled={decide.isPending || desired.stale}>
              Accept {desired.level.label}
            </Button>
          </ButtonRow>
        </div>
      </DialogContent>
    </Dialog>
  );
}
