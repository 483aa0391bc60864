"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { FormResult } from "@/lib/form-result";

/**
 * Submits a plain form's fields to a server action and shows what the server
 * answers: field errors next to their fields (the first one focused),
 * anything else as one form-level message. What was typed stays in the form.
 *
 * The sign-in and sign-up pages validate on the server only (the action
 * checks the same schema and answers in the same round trip): leaving zod and
 * react-hook-form out of these pages keeps about 50 kB of compressed script
 * off the first page a visitor loads.
 */
export function useActionForm(action: (values: Record<string, string>) => Promise<FormResult>) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value)]));
    setFormError(null);
    startTransition(async () => {
      const result = await action(values);
      // A successful action redirects; an answer means something to show.
      const errors = result?.fieldErrors ?? {};
      setFieldErrors(errors);
      setFormError(result?.error ?? null);
      const first = Object.keys(errors)[0];
      if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
    });
  };
  return { onSubmit, fieldErrors, formError, pending };
}
