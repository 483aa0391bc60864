"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { isStaleVersion } from "@/components/forms/version-conflict";
import { Button } from "@/components/ui/button";
import { StaleSavePanel } from "@/components/ui/stale-save-panel";
import { useStaleText } from "@/components/ui/use-stale-text";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Markdown } from "@/components/ui/markdown";
import { Textarea } from "@/components/ui/textarea";
import { handoverNoteForm, MAX_HANDOVER_NOTE_LENGTH, type HandoverNoteFormValues } from "@/lib/validators/handovers";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { useSaveHandoverNote } from "./mutations";
import { useFormatDateTime } from "@/components/ui/today";

type Page = RouterOutputs["handovers"]["page"];

/**
 * The old manager's note for the new one. The new manager reads it; the old
 * manager writes and edits it (a save from another tab meanwhile is refused
 * as a conflict, and what was typed stays beside the saved text). The line
 * above the new manager does not get it (the policy gives it to the two).
 */
export function HandoverNote({ page }: { page: Page }) {
  const formatDateTime = useFormatDateTime();
  const { handover, note, canWriteNote } = page;
  const [editing, setEditing] = useState(false);
  if (handover.viewer === "line") return null;
  return (
    <Card aria-labelledby="handover-note-heading">
      <CardHeader>
        <CardTitle id="handover-note-heading">Hand-over note</CardTitle>
        <CardDescription>
          {canWriteNote
            ? `For ${handover.toName}: what they should know that the history does not say. Only the two of you read it.`
            : `${handover.fromName}'s note for you. Only the two of you read it.`}
        </CardDescription>
      </CardHeader>
      <CardBody className="grid gap-3">
        {note && !editing ? (
          <figure className="grid gap-1" data-testid="handover-note">
            <div className="break-words text-sm">
              <Markdown>{note.body}</Markdown>
            </div>
            <figcaption className="text-xs text-muted">
              {handover.fromName}, {formatDateTime(note.updatedAt)}
            </figcaption>
          </figure>
        ) : null}
        {!note && !canWriteNote ? (
          <p className="text-sm text-muted" data-testid="handover-note-empty">
            {handover.fromName} has not written a note (yet). The history below carries over all the same.
          </p>
        ) : null}
        {canWriteNote && (editing || !note) ? (
          <NoteForm page={page} onDone={() => setEditing(false)} onCancel={note ? () => setEditing(false) : undefined} />
        ) : null}
        {canWriteNote && note && !editing ? (
          <div>
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
              Edit the note
            </Button>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

function NoteForm({ page, onDone, onCancel }: { page: Page; onDone: () => void; onCancel?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const personId = page.person.id;
  const handoverId = page.handover.id;
  const form = useForm({
    resolver: zodResolver(handoverNoteForm),
    defaultValues: { body: page.note?.body ?? "" } as HandoverNoteFormValues,
  });
  const version = useRef(page.note?.version ?? 0);
  const { saved, setSaved, waysOn } = useStaleText(version, form);
  const draft = useFormDraft(form, { kind: "handover-note", id: handoverId, fields: ["body"] });
  const save = useSaveHandoverNote({
    onSuccess: (row) => {
      draft.clear();
      version.current = row.version;
      setSaved(null);
      form.reset({ body: row.body });
      toast.success(`Note saved for ${page.handover.toName}.`);
      onDone();
    },
  });
  const { submit, formError, clearError } = useSubmit(form, async (values) => {
    try {
      await save.mutateAsync({ ...values, handoverId, version: version.current });
    } catch (error) {
      if (isStaleVersion(error)) {
        const latest = await queryClient.fetchQuery({ ...trpc.handovers.page.queryOptions({ personId }), staleTime: 0 }).catch(() => null);
        const current = latest?.handover.id === handoverId ? latest.note : null;
        setSaved(current ? { body: current.body, version: current.version } : null);
      }
      throw error;
    }
  });
  // What is being typed is kept as a draft, and leaving the page asks first (the drafts provider).
  const { errors, isSubmitting } = form.formState;
  const length = (useWatch({ control: form.control, name: "body" }) ?? "").length;
  return (
    <form noValidate className="grid gap-2" onSubmit={submit} aria-label="Hand-over note">
      <DraftNotice draft={draft} />
      <Field
        label={`Your note for ${page.handover.toName}`}
        error={errors.body?.message ?? formError ?? undefined}
        hint={`Markdown · ${length}/${MAX_HANDOVER_NOTE_LENGTH}${page.note ? " · saving again edits it" : ""}`}
      >
        {(a) => <Textarea {...a} rows={6} maxLength={MAX_HANDOVER_NOTE_LENGTH} {...form.register("body")} />}
      </Field>
      {saved ? (
        <StaleSavePanel
          label="The saved note"
          heading="Saved meanwhile (in another tab):"
          useSavedLabel="Use the saved note"
          saveMineDisabled={isSubmitting}
          {...waysOn(saved, clearError, submit)}
        >
          <p className="whitespace-pre-wrap break-words">{saved.body}</p>
        </StaleSavePanel>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel ? (
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              form.reset({ body: page.note?.body ?? "" });
              onCancel();
            }}
          >
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : page.note ? "Save the note" : "Save note"}
        </Button>
      </div>
    </form>
  );
}
