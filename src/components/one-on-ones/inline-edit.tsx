"use client";

import { useState } from "react";
import type { Resolver } from "react-hook-form";
import { useForm } from "@/components/forms/light-form";
import type { z } from "zod";
import { useFormDraft } from "@/components/forms/drafts";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useSubmit } from "@/components/forms/use-submit";
import { Input } from "@/components/ui/input";

/** An optional date beside the text (an action's due date), with its shared validator. */
type DateField = { label: string; initial: string | null; schema: () => Promise<z.ZodType<string | null, unknown>> };
type Values = { text: string; date: string };

/**
 * Edits one line of text in place (and a date beside it, if given): Enter
 * saves, Escape cancels, and an error (the shared schema's for the field, or
 * the server's) shows under it with what was typed kept.
 */
export function InlineEdit({
  label,
  initial,
  schema,
  date,
  draft: draftOf,
  onSave,
  onCancel,
  children,
}: {
  label: string;
  initial: string;
  /**
   * The shared validator of the field edited (a talking point's body, an action's title), loaded
   * with zod on the first save rather than with the page, e.g.
   * `() => import("@/lib/validators/one-on-ones").then((m) => m.talkingPointFields.shape.body)`.
   */
  schema: () => Promise<z.ZodType<string, string>>;
  date?: DateField;
  /** The thing edited, for its draft (kept if the page is left mid-edit; Escape drops it). */
  draft?: { kind: string; id: string };
  onSave: (text: string, date: string | null) => Promise<unknown>;
  onCancel: () => void;
  /** More of the thing, changed on their own (an action's target), shown with the fields. */
  children?: React.ReactNode;
}) {
  const [resolver] = useState(() =>
    lazyZodResolver(async () => {
      const [{ inlineEditSchema }, text, day] = await Promise.all([import("./inline-edit-schema"), schema(), date?.schema()]);
      return inlineEditSchema(text, day);
    }),
  );
  const form = useForm<Values, unknown, { text: string; date: string | null }>({
    resolver: resolver as unknown as Resolver<Values, unknown, { text: string; date: string | null }>,
    defaultValues: { text: initial, date: date?.initial ?? "" },
  });
  const draft = useFormDraft(form, { kind: draftOf?.kind ?? "inline", id: draftOf?.id, fields: ["text"], enabled: Boolean(draftOf) });
  const { submit, formError } = useSubmit(form, async ({ text, date: day }) => {
    await onSave(text, day);
    draft.clear();
  });
  const { errors } = form.formState;
  const error = errors.text?.message ?? errors.date?.message ?? formError ?? undefined;
  return (
    <form
      noValidate
      className="grid min-w-0 flex-1 gap-1"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          draft.discard();
          onCancel();
        }
      }}
    >
      <div className="flex flex-wrap gap-2">
        <Input aria-label={label} className="min-w-40 flex-1" autoFocus {...form.register("text")} aria-invalid={Boolean(error)} />
        {date ? (
          <Input type="date" aria-label={date.label} className="w-40" {...form.register("date")} aria-invalid={Boolean(errors.date)} />
        ) : null}
        {children}
      </div>
      <p className="text-xs text-muted">Enter to save, Escape to cancel.</p>
      {error ? (
        <p role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
