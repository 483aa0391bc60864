"use client";

import { useState, useTransition } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

type ServerResult = { error?: string; fieldErrors?: Record<string, string> } | undefined;

/**
 * Submits a react-hook-form to a server action and puts what the server
 * answers back on the form: field errors next to their fields, anything else
 * as one form-level message. What was typed stays in the form.
 */
export function useServerForm<T extends FieldValues>(form: UseFormReturn<T>, action: (values: T) => Promise<ServerResult>) {
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await action(values);
      if (!result) return;
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        form.setError(field as Path<T>, { message }, { shouldFocus: true });
      }
      if (result.error) setFormError(result.error);
    });
  });
  return { onSubmit, formError, pending };
}
