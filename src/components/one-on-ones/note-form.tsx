"use client";

import { useQueryClient } from "@tanstack/react-query";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { nullIfEmpty } from "@/components/forms/field-values";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { useVersionedForm, VersionConflict } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { addNoteInput, NOTE_KIND_LABELS, NOTE_KINDS, updateNoteInput, type NoteKind } from "@/lib/validators/one-on-ones";
import { useTRPC } from "@/trpc/react";
import { NoteBody } from "./note-body";
import { useAddNote, useUpdateNote } from "./mutations";

export type NoteValues = {
  kind: NoteKind;
  situation: string | null;
  behaviour: string | null;
  impact: string | null;
  body: string;
  private: boolean;
  goalId: string | null;
};
export type EditableNote = NoteValues & { id: string; version: number };

const EMPTY: NoteValues = { kind: "coaching", situation: null, behaviour: null, impact: null, body: "", private: false, goalId: null };
const valuesOf = (n: NoteValues): NoteValues => ({
  kind: n.kind,
  situation: n.situation,
  behaviour: n.behaviour,
  impact: n.impact,
  body: n.body,
  private: n.private,
  goalId: n.goalId,
});
const hasSbi = (n: NoteValues) => Boolean(n.situation || n.behaviour || n.impact);

/**
 * Writes a note, or edits one. An edit names the version it started from: if
 * the note was saved elsewhere meanwhile, the save fails with a conflict, the
 * text typed here stays in the form, and the saved text is shown beside it to
 * keep either.
 */
export function NoteForm({
  personId,
  oneOnOneId,
  goals,
  note,
  onDone,
  onDraftRestored,
}: {
  personId: string;
  oneOnOneId?: string | null;
  goals: { id: string; title: string; status: string }[];
  note?: EditableNote;
  onDone?: () => void;
  /** The form opened with a draft (a folded form unfolds to show it). */
  onDraftRestored?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sbi, setSbi] = useState(Boolean(note && hasSbi(note)));
  // Read by the resolver at submit: with the situation-behaviour-impact shape off, its
  // fields are sent empty, so the shared schema checks exactly what is sent.
  const shaped = useRef(sbi);
  shaped.current = sbi;
  const form = useForm<NoteValues>({
    defaultValues: note ? valuesOf(note) : EMPTY,
    resolver: (values, context, options) => {
      const sent = shaped.current ? values : { ...values, situation: null, behaviour: null, impact: null };
      const schema = note ? updateNoteInput : addNoteInput;
      const extra = note ? { id: note.id, version: note.version } : { personId, oneOnOneId: oneOnOneId ?? null };
      return zodResolver(schema as z.ZodType<NoteValues, NoteValues>)({ ...sent, ...extra }, context, options as never) as never;
    },
  });
  // A new note's draft is per person (and 1:1); an edit's per note.
  const draft = useFormDraft(form, {
    kind: note ? "note-edit" : "note",
    id: note ? note.id : oneOnOneId ? `${personId}:${oneOnOneId}` : personId,
    fields: ["situation", "behaviour", "impact", "body"],
  });
  // A draft with the situation-behaviour-impact shape opens with it shown.
  useEffect(() => {
    if (draft.restoredAt === null) return;
    if (hasSbi(form.getValues())) setSbi(true);
    onDraftRestored?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per draft restored
  }, [draft.restoredAt, form]);
  const versioned = useVersionedForm(form, {
    version: note?.version ?? 1,
    loadSaved: async () => {
      if (!note) throw new Error("Not an edit.");
      const latest = await queryClient.fetchQuery({ ...trpc.oneOnOnes.note.queryOptions({ id: note.id }), staleTime: 0 });
      return { version: latest.version, values: valuesOf(latest) };
    },
  });

  const done = (message: string) => {
    draft.clear();
    if (!note) {
      const { kind, goalId } = form.getValues();
      form.reset({ ...EMPTY, kind, goalId });
    }
    toast.success(message);
    onDone?.();
  };
  const add = useAddNote({ onSuccess: () => done("Note saved.") });
  const update = useUpdateNote({ onSuccess: () => done("Note updated.") });
  const { submit, formError, clearError } = useSubmit(
    form,
    versioned.guard((values, version) =>
      note
        ? update.mutateAsync({ ...values, id: note.id, version })
        : add.mutateAsync({ ...values, personId, oneOnOneId: oneOnOneId ?? null }),
    ),
  );
  const { errors, isSubmitting } = form.formState;
  const saved = versioned.saved?.values;

  return (
    <form noValidate className="grid gap-3" onSubmit={submit}>
      {/* `version` names no field here: a stale save's message shows above the form, with the saved note. */}
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <DraftNotice draft={draft} />
      {saved ? (
        <VersionConflict
          pending={isSubmitting}
          useSavedLabel="Use the saved text"
          onSaveMine={() => versioned.saveMine(submit)}
          onUseSaved={() => {
            setSbi(hasSbi(saved));
            versioned.takeSaved();
            clearError();
          }}
        >
          <NoteBody note={saved} />
        </VersionConflict>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Kind" error={errors.kind?.message}>
          {(a) => (
            <Select {...a} {...form.register("kind")}>
              {NOTE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {NOTE_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Growth goal" error={errors.goalId?.message} hint="Optional: the coaching thread this belongs to.">
          {(a) => (
            <Select {...a} {...form.register("goalId", { setValueAs: nullIfEmpty })}>
              <option value="">None</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                  {g.status !== "active" ? ` (${g.status})` : ""}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-[var(--color-accent)]" checked={sbi} onChange={(e) => setSbi(e.target.checked)} />
        Shape it as situation, behaviour, impact
      </label>
      {sbi ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Situation" error={errors.situation?.message} hint="When and where.">
            {(a) => <Textarea {...a} rows={2} {...form.register("situation")} />}
          </Field>
          <Field label="Behaviour" error={errors.behaviour?.message} hint="What they did, observably.">
            {(a) => <Textarea {...a} rows={2} {...form.register("behaviour")} />}
          </Field>
          <Field label="Impact" error={errors.impact?.message} hint="What it caused.">
            {(a) => <Textarea {...a} rows={2} {...form.register("impact")} />}
          </Field>
        </div>
      ) : null}
      <Field label={sbi ? "More (optional)" : "Note"} error={errors.body?.message} hint="Markdown: **bold**, lists, links.">
        {(a) => <Textarea {...a} rows={note ? 8 : 4} {...form.register("body")} />}
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-[var(--color-accent)]" {...form.register("private")} />
          Private (never exported or printed)
        </label>
        <div className="flex gap-2">
          {onDone && note ? (
            <Button variant="secondary" onClick={onDone}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : note ? "Save note" : "Add note"}
          </Button>
        </div>
      </div>
    </form>
  );
}
