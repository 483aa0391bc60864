"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "@/components/forms/light-form";
import type { z } from "zod";
import { toast } from "@/components/ui/toast";
import { useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TOPIC_LABELS, TOPICS, type Topic } from "@/lib/one-on-ones/agenda";
import type { addTalkingPointInput } from "@/lib/validators/one-on-ones";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { InlineEdit } from "./inline-edit";
import { useAddPoint, useDeletePoint, useSetDiscussed, useUpdatePoint } from "./mutations";

type AddTalkingPointInput = z.input<typeof addTalkingPointInput>;

// The shared schemas, loaded with zod on the first submit (the add form is on the page from the start).
const validators = () => import("@/lib/validators/one-on-ones");
const addPointResolver = lazyZodResolver(() => validators().then((m) => m.addTalkingPointInput));
const pointBody = () => validators().then((m) => m.talkingPointFields.shape.body);

export type Point = {
  id: string;
  topic: Topic;
  body: string;
  raisedBy: "me" | "them";
  carriedOver: number;
  discussedInId: string | null;
  version: number;
  /** Who added it, in the reader's words ("You" or a first name); absent on pages that do not say. */
  author?: { id: string; label: string; you: boolean } | null;
  /** Whether the reader may change it (policy.ts): false hides the edit, remove and discussed controls. */
  mayChange?: boolean;
};

/**
 * Adds a talking point: topic, text, and (for the manager) whose it is. Enter
 * saves; the text field stays focused for the next one. On the report's side
 * (`side="report"`) the point is always theirs, so there is no "whose" choice.
 */
export function AddPointForm({ personId, side = "manager" }: { personId: string; side?: "manager" | "report" }) {
  const form = useForm<AddTalkingPointInput>({
    resolver: addPointResolver,
    defaultValues: { personId, topic: "other", body: "", raisedBy: "me" },
  });
  const draft = useFormDraft(form, { kind: "point", id: personId, fields: ["body"] });
  // Topic and whose it is stay as chosen, for the next point.
  const add = useAddPoint({
    onSuccess: () => {
      draft.clear();
      form.resetField("body");
    },
  });
  const { submit, formError } = useSubmit(form, (values) => add.mutateAsync(values));
  const error = form.formState.errors.body?.message ?? formError ?? undefined;
  return (
    <form noValidate className="grid gap-2" onSubmit={submit}>
      <label className="sr-only" htmlFor={`point-${personId}`}>
        Talking point
      </label>
      <Input
        id={`point-${personId}`}
        placeholder="Add a talking point…"
        {...form.register("body")}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `point-${personId}-error` : undefined}
      />
      <div className="flex flex-wrap gap-2">
        <label className="sr-only" htmlFor={`topic-${personId}`}>
          Topic
        </label>
        <Select id={`topic-${personId}`} className="w-36" {...form.register("topic")}>
          {TOPICS.map((t) => (
            <option key={t} value={t}>
              {TOPIC_LABELS[t]}
            </option>
          ))}
        </Select>
        {side === "manager" ? (
          <>
            <label className="sr-only" htmlFor={`raised-${personId}`}>
              Raised by
            </label>
            <Select id={`raised-${personId}`} className="w-28" {...form.register("raisedBy")}>
              <option value="me">Mine</option>
              <option value="them">Theirs</option>
            </Select>
          </>
        ) : null}
        <Button type="submit" variant="secondary" className="ml-auto" disabled={form.formState.isSubmitting}>
          Add point
        </Button>
      </div>
      {error ? (
        <p id={`point-${personId}-error`} role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/**
 * The agenda: open talking points by topic. In a 1:1 (`meetingId`) each has a
 * "discussed" box; the ones left unticked carry over when the 1:1 is held.
 */
export function PointList({
  points,
  meetingId,
  personId,
  emptyText,
  label = "Talking points",
}: {
  points: Point[];
  meetingId?: string;
  personId: string;
  emptyText: string;
  label?: string;
}) {
  // The box flips at once; the lists rearrange when the server has it.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  // (The refresh runs on success, before onSettled lets the box follow the server again.)
  const discussed = useSetDiscussed({
    onSettled: (_row, _error, { id }) => setTicked(({ [id]: _done, ...rest }) => rest),
    onError: (e) => toast.error(e.message),
  });
  const restore = useAddPoint();
  const remove = useDeletePoint({
    onSuccess: (point) => {
      toast("Talking point removed.", {
        action: {
          label: "Undo",
          onClick: () => restore.mutate({ personId, topic: point.topic, body: point.body, raisedBy: point.raisedBy }),
        },
      });
    },
  });
  const [editing, setEditing] = useState<string | null>(null);
  // The version the edit started from, so a save from another tab meanwhile is a conflict (its message shows in the edit).
  const [editVersion, setEditVersion] = useState(1);
  const update = useUpdatePoint({ onSuccess: () => setEditing(null) });
  if (points.length === 0) return <p className="text-sm text-muted">{emptyText}</p>;
  return (
    <ul className="grid gap-1" aria-label={label}>
      {points.map((p) => (
        <li key={p.id} className="group flex items-start gap-2 rounded-md px-1 py-1 hover:bg-surface-2">
          {meetingId && p.mayChange !== false ? (
            <input
              type="checkbox"
              className="mt-1 size-4 accent-[var(--color-accent)]"
              aria-label={`Discussed: ${p.body}`}
              checked={ticked[p.id] ?? p.discussedInId === meetingId}
              onChange={(e) => {
                setTicked((t) => ({ ...t, [p.id]: e.target.checked }));
                discussed.mutate({ id: p.id, oneOnOneId: e.target.checked ? meetingId : null });
              }}
            />
          ) : null}
          {editing === p.id ? (
            <InlineEdit
              label="Edit talking point"
              initial={p.body}
              draft={{ kind: "point-edit", id: p.id }}
              schema={pointBody}
              onCancel={() => {
                setEditing(null);
                update.reset();
              }}
              onSave={(body) => update.mutateAsync({ id: p.id, version: editVersion, topic: p.topic, raisedBy: p.raisedBy, body })}
            />
          ) : (
            <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <Badge>{TOPIC_LABELS[p.topic]}</Badge>
              <span className={p.discussedInId ? "text-muted line-through" : ""}>{p.body}</span>
              {/* Raised by the report, typed by the manager (or, on pages without authors, simply theirs). */}
              {p.raisedBy === "them" && (!p.author || p.author.id !== personId) ? <Badge tone="accent">Theirs</Badge> : null}
              {p.carriedOver > 0 ? <Badge tone="warning">Carried over{p.carriedOver > 1 ? ` ${p.carriedOver}×` : ""}</Badge> : null}
              {p.author ? <span className="text-xs text-muted">added by {p.author.you ? "you" : p.author.label}</span> : null}
            </div>
          )}
          {p.mayChange === false ? null : (
            <>
              <Button
                variant="ghost"
                size="icon"
                className="size-7 opacity-60 group-hover:opacity-100 print:hidden"
                aria-label={`Edit talking point: ${p.body}`}
                onClick={() => {
                  update.reset();
                  setEditing(p.id);
                  setEditVersion(p.version);
                }}
              >
                <Pencil aria-hidden="true" className="size-3.5" />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                className="size-7 opacity-60 group-hover:opacity-100 print:hidden"
                aria-label={`Remove talking point: ${p.body}`}
                onClick={() => remove.mutate({ id: p.id })}
              >
                <Trash2 aria-hidden="true" className="size-3.5" />
              </Button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
