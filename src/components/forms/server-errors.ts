"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

type ErrorWithFields = { message?: string; data?: { fieldErrors?: Record<string, string> | null } | null };

/**
 * Puts a failed mutation's field errors next to their fields and returns the
 * message to show for the form as a whole (null when every error has a field).
 */
export function applyServerErrors<T extends FieldValues, O = T>(form: UseFormReturn<T, unknown, O>, error: unknown): string | null {
  const e = error as ErrorWithFields;
  const fieldErrors = e?.data?.fieldErrors ?? {};
  const fields = Object.keys(form.getValues());
  let unplaced: string | null = null;
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (fields.includes(field)) form.setError(field as Path<T>, { message }, { shouldFocus: true });
    else unplaced = message;
  }
  if (Object.keys(fieldErrors).length === 0) return e?.message ?? "Something went wrong. Please try again.";
  return unplaced;
}
