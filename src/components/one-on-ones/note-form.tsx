"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { isStaleVersion, VersionConflict } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { NOTE_KIND_LABELS, NOTE_KINDS, type NoteKind } from "@/lib/validators/one-on-ones";
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
}: {
  personId: string;
  oneOnOneId?: string | null;
  goals: { id: string; title: string; status: string }[];
  note?: EditableNote;
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<NoteValues>(note ?? EMPTY);
  const [sbi, setSbi] = useState(Boolean(note?.situation || note?.behaviour || note?.impact));
  const [baseVersion, setBaseVersion] = useState(note?.version ?? 1);
  const [saved, setSaved] = useState<EditableNote | null>(null);
  const set = <K extends keyof NoteValues>(key: K, value: NoteValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const done = (message: string) => {
    setSaved(null);
    if (!note) {
      setValues((v) => ({ ...EMPTY, kind: v.kind, goalId: v.goalId }));
    }
    toast.success(message);
    onDone?.();
  };
  const add = useAddNote({ onSuccess: () => done("Note saved.") });
  const update = useUpdateNote({
    onSuccess: (row) => {
      setBaseVersion(row.version);
      done("Note updated.");
    },
    onError: async (error) => {
      if (!isStaleVersion(error) || !note) return;
      const latest = await queryClient.fetchQuery({ ...trpc.oneOnOnes.note.queryOptions({ id: note.id }), staleTime: 0 });
      setSaved(latest);
    },
  });
  const mutation = note ? update : add;
  // `version` names no field here: a stale save's message shows above the form, with the saved note.
  const { version: _stale, ...errors } = mutation.error?.data?.fieldErrors ?? {};
  const payload = sbi ? values : { ...values, situation: null, behaviour: null, impact: null };

  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (note) update.mutate({ ...payload, id: note.id, version: baseVersion });
        else add.mutate({ ...payload, personId, oneOnOneId: oneOnOneId ?? null });
      }}
    >
      {mutation.error && !Object.keys(errors).length ? <Alert tone="danger">{mutation.error.message}</Alert> : null}
      {saved ? (
        <VersionConflict
          pending={update.isPending}
          useSavedLabel="Use the saved text"
          onSaveMine={() => {
            setBaseVersion(saved.version);
            update.mutate({ ...payload, id: saved.id, version: saved.version });
          }}
          onUseSaved={() => {
            setValues({ kind: saved.kind, situation: saved.situation, behaviour: saved.behaviour, impact: saved.impact, body: saved.body, private: saved.private, goalId: saved.goalId });
            setSbi(Boolean(saved.situation || saved.behaviour || saved.impact));
            setBaseVersion(saved.version);
            setSaved(null);
            update.reset();
          }}
        >
          <NoteBody note={saved} />
        </VersionConflict>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Kind" error={errors.kind}>
          {(a) => (
            <Select {...a} value={values.kind} onChange={(e) => set("kind", e.target.value as NoteKind)}>
              {NOTE_KINDS.map((k) => (
                <option key={k} value={k}>{NOTE_KIND_LABELS[k]}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Growth goal" error={errors.goalId} hint="Optional: the coaching thread this belongs to.">
          {(a) => (
            <Select {...a} value={values.goalId ?? ""} onChange={(e) => set("goalId", e.target.value || null)}>
              <option value="">None</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>{g.title}{g.status !== "active" ? ` (${g.status})` : ""}</option>
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
          <Field label="Situation" error={errors.situation} hint="When and where.">
            {(a) => <Textarea {...a} rows={2} value={values.situation ?? ""} onChange={(e) => set("situation", e.target.value)} />}
          </Field>
          <Field label="Behaviour" error={errors.behaviour} hint="What they did, observably.">
            {(a) => <Textarea {...a} rows={2} value={values.behaviour ?? ""} onChange={(e) => set("behaviour", e.target.value)} />}
          </Field>
          <Field label="Impact" error={errors.impact} hint="What it caused.">
            {(a) => <Textarea {...a} rows={2} value={values.impact ?? ""} onChange={(e) => set("impact", e.target.value)} />}
          </Field>
        </div>
      ) : null}
      <Field label={sbi ? "More (optional)" : "Note"} error={errors.body} hint="Markdown: **bold**, lists, links.">
        {(a) => <Textarea {...a} rows={note ? 8 : 4} value={values.body} onChange={(e) => set("body", e.target.value)} />}
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-[var(--color-accent)]" checked={values.private} onChange={(e) => set("private", e.target.checked)} />
          Private (never exported or printed)
        </label>
        <div className="flex gap-2">
          {onDone && note ? (
            <Button variant="secondary" onClick={onDone}>Cancel</Button>
          ) : null}
          <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Saving…" : note ? "Save note" : "Add note"}</Button>
        </div>
      </div>
    </form>
  );
}
