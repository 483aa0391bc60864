"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftRight, Pencil, Target, Trash2 } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { useForm } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { dueIn } from "@/lib/format";
import { useToday } from "@/components/ui/today";
import type { addActionInput } from "@/lib/validators/one-on-ones";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTRPC } from "@/trpc/react";
import { MAX_PAGE } from "@/lib/page-size";
import { InlineEdit } from "./inline-edit";
import { useAddAction, useDeleteAction, useSetActionDone, useUpdateAction } from "./mutations";
import { cn } from "@/lib/cn";

type AddActionInput = z.input<typeof addActionInput>;

// The shared schemas, loaded with zod on the first submit (the add form is on the page from the start).
const validators = () => import("@/lib/validators/one-on-ones");
const addActionResolver = lazyZodResolver(() => validators().then((m) => m.addActionInput));
const actionTitle = () => validators().then((m) => m.actionFields.shape.title);
const actionDueDate = () => validators().then((m) => m.actionFields.shape.dueDate);

export type Action = {
  id: string;
  title: string;
  assignee: "me" | "them";
  dueDate: string | null;
  doneAt: Date | null;
  overdue?: boolean;
  carriedOver: number;
  version: number;
  /** Whether the reader may tick it (policy.ts: the report ticks the actions assigned to them); absent: yes. */
  mayTick?: boolean;
  /** The target it moves forward, when the reader sees it. */
  target?: { id: string; title: string } | null;
};

/** The person's targets an action may be linked to (those the reader sees, as on the person's page). */
function usePersonTargets(personId: string, enabled = true) {
  const trpc = useTRPC();
  // The first MAX_PAGE, worst first: enough to pick from, bounded whatever the person owns.
  return useQuery({ ...trpc.targets.list.queryOptions({ personId, limit: MAX_PAGE }), enabled }).data?.items ?? [];
}

/** Adds an action for me or for them, with an optional due date. */
export function AddActionForm({ personId, oneOnOneId }: { personId: string; oneOnOneId?: string }) {
  const form = useForm<AddActionInput>({
    resolver: addActionResolver,
    defaultValues: { personId, oneOnOneId: oneOnOneId ?? null, assignee: "them", title: "", dueDate: "", targetId: null },
  });
  const draft = useFormDraft(form, { kind: "action", id: oneOnOneId ?? personId, fields: ["title"] });
  const targets = usePersonTargets(personId);
  // Whose it is stays as chosen, for the next action.
  const add = useAddAction({
    onSuccess: () => {
      draft.clear();
      form.resetField("title");
      form.resetField("dueDate");
    },
  });
  const { submit, formError } = useSubmit(form, (values) => add.mutateAsync(values));
  const { errors } = form.formState;
  const error = errors.title?.message ?? errors.dueDate?.message ?? errors.targetId?.message ?? formError ?? undefined;
  const id = `action-${oneOnOneId ?? personId}`;
  return (
    <form noValidate className="grid gap-2" onSubmit={submit}>
      <label className="sr-only" htmlFor={`${id}-title`}>
        Action
      </label>
      <Input
        id={`${id}-title`}
        placeholder="Add an action item…"
        {...form.register("title")}
        aria-invalid={Boolean(errors.title)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <div className="flex flex-wrap gap-2">
        <label className="sr-only" htmlFor={`${id}-who`}>
          Whose action
        </label>
        <Select id={`${id}-who`} className="w-28" {...form.register("assignee")}>
          <option value="them">Theirs</option>
          <option value="me">Mine</option>
        </Select>
        <label className="sr-only" htmlFor={`${id}-due`}>
          Due date
        </label>
        <Input id={`${id}-due`} type="date" className="w-40" {...form.register("dueDate")} aria-invalid={Boolean(errors.dueDate)} />
        {targets.length ? (
          <>
            <label className="sr-only" htmlFor={`${id}-target`}>
              Target
            </label>
            <Select id={`${id}-target`} className="w-44 min-w-0" {...form.register("targetId", { setValueAs: (v) => v || null })}>
              <option value="">No target</option>
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </Select>
          </>
        ) : null}
        <Button type="submit" variant="secondary" className="ml-auto" disabled={form.formState.isSubmitting}>
          Add action
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/**
 * One side's actions, each with a box to tick done (undoable) and its due date
 * in words. `manage` (the manager's side) adds edit and delete; an action the
 * reader may not tick (`mayTick` false: the other side's, for the report)
 * shows a read-only box with `tickedBy` saying whose it is to tick.
 */
export function ActionList({
  title,
  actions,
  emptyText,
  manage = true,
  tickedBy,
  personId,
}: {
  title: string;
  actions: Action[];
  emptyText: string;
  manage?: boolean;
  tickedBy?: string;
  /** Whose actions these are: the targets an edit may link one to. */
  personId?: string;
}) {
  const today = useToday();
  // The box flips at once; the list updates when the server has it.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  // (The refresh runs on success, before onSettled lets the box follow the server again.)
  const setDone = useSetActionDone({
    onSuccess: (row, { done }) => {
      if (done) toast.success("Action done.", { action: { label: "Undo", onClick: () => setDone.mutate({ id: row.id, done: false }) } });
    },
    onSettled: (_row, _error, { id }) => setTicked(({ [id]: _done, ...rest }) => rest),
    onError: (e) => toast.error(e.message),
  });
  const [editing, setEditing] = useState<string | null>(null);
  // The version the edit started from, so a save from another tab meanwhile is a conflict (its message shows in the edit).
  const [editVersion, setEditVersion] = useState(1);
  const update = useUpdateAction({ onSuccess: () => setEditing(null) });
  // Whose it is and its target change at once, from the row or the edit; a refusal (a stale version) says why.
  const change = useUpdateAction({
    onSuccess: (row) => setEditVersion(row.version),
    onError: (e) => toast.error(e.message),
  });
  const targets = usePersonTargets(personId ?? "", Boolean(manage && personId && editing));
  const remove = useDeleteAction({ onSuccess: () => toast("Action deleted.") });
  return (
    <div className="grid min-w-0 content-start gap-1">
      <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{title}</h3>
      {actions.length === 0 ? (
        <p className="text-sm text-muted">{emptyText}</p>
      ) : (
        <ul className="grid gap-1" aria-label={title}>
          {actions.map((a) => (
            <li key={a.id} className="group flex items-start gap-2 rounded-md px-1 py-1 hover:bg-surface-2">
              <input
                type="checkbox"
                className="mt-1 size-4 accent-[var(--color-accent)] disabled:opacity-50"
                aria-label={`Done: ${a.title}`}
                disabled={a.mayTick === false}
                title={a.mayTick === false && tickedBy ? `${tickedBy} ticks this one` : undefined}
                checked={ticked[a.id] ?? a.doneAt !== null}
                onChange={(e) => {
                  setTicked((t) => ({ ...t, [a.id]: e.target.checked }));
                  setDone.mutate({ id: a.id, done: e.target.checked });
                }}
              />
              {editing === a.id ? (
                <InlineEdit
                  label="Edit action"
                  initial={a.title}
                  draft={{ kind: "action-edit", id: a.id }}
                  schema={actionTitle}
                  onCancel={() => {
                    setEditing(null);
                    update.reset();
                  }}
                  date={{ label: "Due date", initial: a.dueDate, schema: actionDueDate }}
                  onSave={(title, dueDate) => update.mutateAsync({ id: a.id, version: editVersion, assignee: a.assignee, title, dueDate })}
                >
                  {personId ? (
                    <>
                      <label className="sr-only" htmlFor={`target-of-${a.id}`}>
                        Target of the action
                      </label>
                      <Select
                        id={`target-of-${a.id}`}
                        className="w-44 min-w-0"
                        value={a.target?.id ?? ""}
                        disabled={change.isPending}
                        onChange={(e) =>
                          change.mutate({
                            id: a.id,
                            version: editVersion,
                            assignee: a.assignee,
                            title: a.title,
                            dueDate: a.dueDate,
                            targetId: e.target.value || null,
                          })
                        }
                      >
                        <option value="">No target</option>
                        {a.target && !targets.some((t) => t.id === a.target!.id) ? (
                          <option value={a.target.id}>{a.target.title}</option>
                        ) : null}
                        {targets.map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.title}
                          </option>
                        ))}
                      </Select>
                    </>
                  ) : null}
                </InlineEdit>
              ) : (
                <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                  <span className={cn("min-w-0 wrap-anywhere", a.doneAt && "text-muted line-through")}>{a.title}</span>
                  {a.target ? (
                    <Link href={`/targets/${a.target.id}`} className="text-xs text-accent hover:underline">
                      <Target aria-hidden="true" className="mr-0.5 inline size-3" />
                      <span className="sr-only">Target: </span>
                      {a.target.title}
                    </Link>
                  ) : null}
                  {a.dueDate && !a.doneAt ? <Badge tone={a.overdue ? "danger" : "neutral"}>{dueIn(a.dueDate, today)}</Badge> : null}
                  {a.carriedOver > 0 && !a.doneAt ? (
                    <Badge tone="warning">Carried over{a.carriedOver > 1 ? ` ${a.carriedOver}×` : ""}</Badge>
                  ) : null}
                </div>
              )}
              {manage ? (
                <>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="size-7 opacity-60 group-hover:opacity-100 print:hidden"
                    aria-label={`${a.assignee === "me" ? "Make it theirs" : "Make it mine"}: ${a.title}`}
                    title={a.assignee === "me" ? "Make it theirs" : "Make it mine"}
                    disabled={change.isPending}
                    onClick={() =>
                      change.mutate(
                        { id: a.id, version: a.version, assignee: a.assignee === "me" ? "them" : "me", title: a.title, dueDate: a.dueDate },
                        { onSuccess: () => toast.success(a.assignee === "me" ? "Action moved to theirs." : "Action moved to mine.") },
                      )
                    }
                  >
                    <ArrowLeftRight aria-hidden="true" className="size-3.5" />
                  </Button>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="size-7 opacity-60 group-hover:opacity-100 print:hidden"
                    aria-label={`Edit action: ${a.title}`}
                    onClick={() => {
                      update.reset();
                      setEditing(a.id);
                      setEditVersion(a.version);
                    }}
                  >
                    <Pencil aria-hidden="true" className="size-3.5" />
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <Button
                        variant="ghost"
                        size="icon"
                        className="size-7 opacity-60 group-hover:opacity-100 print:hidden"
                        aria-label={`Delete action: ${a.title}`}
                      >
                        <Trash2 aria-hidden="true" className="size-3.5" />
                      </Button>
                    }
                    title="Delete this action?"
                    description={`“${a.title}” is removed for good.`}
                    confirmLabel="Delete action"
                    pending={remove.isPending}
                    onConfirm={() => remove.mutate({ id: a.id })}
                  />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
