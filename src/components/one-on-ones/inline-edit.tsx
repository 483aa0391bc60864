"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useSubmit } from "@/components/forms/use-submit";
import { Input } from "@/components/ui/input";

/**
 * Edits one line of text in place: Enter saves, Escape cancels, and an error
 * (the shared schema's for the field, or the server's) shows under it with
 * what was typed kept.
 */
export function InlineEdit({
  label,
  initial,
  schema,
  onSave,
  onCancel,
  children,
}: {
  label: string;
  initial: string;
  /** The shared validator of the field edited (a talking point's body, an action's title). */
  schema: z.ZodType<string, string>;
  onSave: (text: string) => Promise<unknown>;
  onCancel: () => void;
  /** More controls on the same row (a due date, say). */
  children?: React.ReactNode;
}) {
  const form = useForm<{ text: string }>({ resolver: zodResolver(z.object({ text: schema })), defaultValues: { text: initial } });
  const { submit, formError } = useSubmit(form, ({ text }) => onSave(text));
  const error = form.formState.errors.text?.message ?? formError ?? undefined;
  return (
    <form
      noValidate
      className="grid min-w-0 flex-1 gap-1"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="flex flex-wrap gap-2">
        <Input aria-label={label} className="min-w-40 flex-1" autoFocus {...form.register("text")} aria-invalid={Boolean(error)} />
        {children}
      </div>
      <p className="text-xs text-muted">Enter to save, Escape to cancel.</p>
      {error ? (
        <p role="alert" className="text-xs font-medium text-danger">{error}</p>
      ) : null}
    </form>
  );
}
