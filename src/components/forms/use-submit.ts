"use client";

import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { applyServerErrors } from "./server-errors";

/**
 * Wires a react-hook-form to an async save: server field errors land next to
 * their fields, anything else becomes the form's message, and what was typed stays.
 * `values` are the schema's output (a form of typed strings gets them parsed).
 */
export function useSubmit<T extends FieldValues, O = T>(form: UseFormReturn<T, unknown, O>, onSubmit: (values: O) => Promise<unknown>) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFormError(applyServerErrors(form, error));
    }
  });
  return { submit, formError, clearError: () => setFormError(null) };
}
