"use client";

import { Lock, Pencil, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { NOTE_KIND_LABELS, type NoteKind } from "@/lib/one-on-ones/note-kinds";
import { NoteBody } from "./note-body";
import type { EditableNote } from "./note-form";
import { useDeleteNote } from "./mutations";
import { DISPLAY_LOCALE } from "@/lib/format";
import { useTimeZone } from "@/components/ui/today";
import { FormLoading } from "@/components/forms/form-loading";

// The note form (react-hook-form, zod and the note schemas) loads when an edit starts.
const NoteForm = dynamic(() => import("./note-form").then((m) => m.NoteForm), { loading: FormLoading });

const KIND_TONES: Record<NoteKind, "accent" | "success" | "warning" | "neutral"> = {
  coaching: "accent",
  praise: "success",
  constructive: "warning",
  observation: "neutral",
};

export function NoteKindBadge({ kind }: { kind: NoteKind }) {
  return <Badge tone={KIND_TONES[kind]}>{NOTE_KIND_LABELS[kind]}</Badge>;
}

/** A note with its kind, privacy, goal and date; edit (conflict-safe) and delete (confirmed). */
export function NoteCard({
  note,
  personId,
  goals,
  context,
  author,
  canEdit = true,
}: {
  note: EditableNote & { createdAt: Date; updatedAt: Date; goalTitle: string | null };
  personId: string;
  goals: { id: string; title: string; status: string }[];
  context?: React.ReactNode;
  /** Who wrote it, in the reader's words ("You", a first name); absent: not shown. */
  author?: string;
  /** Only its author changes a note (policy.ts): false hides edit and delete. */
  canEdit?: boolean;
}) {
  const timeZone = useTimeZone();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteNote({ onSuccess: () => toast("Note deleted.") });
  return (
    <article
      className={`grid gap-2 rounded-md border border-border p-3 ${note.private ? "print:hidden" : ""}`}
      aria-label={`${NOTE_KIND_LABELS[note.kind]} note`}
    >
      <header className="flex items-start gap-2">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2 text-xs text-muted">
          <NoteKindBadge kind={note.kind} />
          {note.private ? (
            <Badge>
              <Lock aria-hidden="true" className="size-3" /> Private
            </Badge>
          ) : null}
          {note.goalTitle ? <span>Goal: {note.goalTitle}</span> : null}
          <span>{note.createdAt.toLocaleDateString(DISPLAY_LOCALE, { timeZone, day: "numeric", month: "short", year: "numeric" })}</span>
          {author ? <span>by {author}</span> : null}
          {context}
        </div>
        {canEdit ? (
          <span className="flex shrink-0 gap-1 print:hidden">
            <Button variant="ghost" size="icon" className="size-7" aria-label="Edit note" onClick={() => setEditing(true)}>
              <Pencil aria-hidden="true" className="size-3.5" />
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="icon" className="size-7" aria-label="Delete note">
                  <Trash2 aria-hidden="true" className="size-3.5" />
                </Button>
              }
              title="Delete this note?"
              description="The note is removed for good."
              confirmLabel="Delete note"
              pending={remove.isPending}
              onConfirm={() => remove.mutate({ id: note.id })}
            />
          </span>
        ) : null}
      </header>
      <NoteBody note={note} />
      <Dialog open={editing} onOpenChange={setEditing}>
        <DialogContent
          title="Edit note"
          description="If this note changes elsewhere before you save, you will see both versions."
          className="max-w-2xl"
        >
          <NoteForm personId={personId} goals={goals} note={note} onDone={() => setEditing(false)} />
        </DialogContent>
      </Dialog>
    </article>
  );
}
