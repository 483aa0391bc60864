"use client";

import { useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { StaleSavePanel } from "@/components/ui/stale-save-panel";

type ErrorLike = { data?: { code?: string; fieldErrors?: Record<string, string> | null } | null };

/**
 * A save refused because the row was saved elsewhere since the form loaded it
 * (services/kernel/versioned.ts names the `version` field), as opposed to another
 * conflict such as a taken email.
 */
export function isStaleVersion(error: unknown): boolean {
  const data = (error as ErrorLike | null)?.data;
  return data?.code === "CONFLICT" && Boolean(data.fieldErrors?.version);
}

/** One saved value to show beside the form: its field's label and the value as text. */
export type SavedRow = { label: string; value: string | null | undefined };

/**
 * Shown in a form whose save was refused as stale: the saved version beside
 * what the user typed (which stays in the fields), and the two ways on: save
 * what I typed over it, or take the saved values into the form.
 */
export function VersionConflict({
  rows,
  children,
  onSaveMine,
  onUseSaved,
  pending = false,
  useSavedLabel = "Use the saved values",
}: {
  rows?: SavedRow[];
  /** Instead of rows, the saved version as the page shows it (a note's body, say). */
  children?: React.ReactNode;
  onSaveMine: () => void;
  onUseSaved: () => void;
  pending?: boolean;
  useSavedLabel?: string;
}) {
  return (
    <StaleSavePanel
      label="The saved version"
      heading="The saved version (changed elsewhere):"
      useSavedLabel={useSavedLabel}
      saveMineDisabled={pending}
      useSavedDisabled={pending}
      onSaveMine={onSaveMine}
      onUseSaved={onUseSaved}
    >
      <div className="max-h-48 overflow-auto rounded border border-border bg-surface p-2">
        {rows ? (
          <dl className="grid gap-1 sm:grid-cols-[max-content_1fr] sm:gap-x-3">
            {rows.map((row) => (
              <div key={row.label} className="contents">
                <dt className="text-muted">{row.label}</dt>
                <dd className="whitespace-pre-wrap break-words">
                  {row.value === null || row.value === undefined || row.value === "" ? "—" : row.value}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          children
        )}
      </div>
    </StaleSavePanel>
  );
}

/** The saved row, as a form shows and resets to it. */
export type SavedVersion<V> = { version: number; values: V };

/** The props of a form that creates a row, or edits one against the version it was loaded at. */
export type VersionedFormProps<V> = {
  defaults: V;
  /** Editing: the version `defaults` are from, and how to load the saved row after a conflict. */
  version?: number;
  loadSaved?: () => Promise<SavedVersion<V>>;
  submitLabel: string;
  onSubmit: (values: V, version: number) => Promise<unknown>;
  onCancel?: () => void;
};

/**
 * The conflict state of a react-hook-form edit form. `guard` wraps the save:
 * it sends the version the form stands on and, when the save is stale, loads
 * the saved version to show beside the fields (the error still reaches the
 * form, which shows its message and keeps what was typed). "Save mine" moves
 * the form onto the saved version and submits again; "Use the saved values"
 * resets the fields to them.
 */
export function useVersionedForm<V extends FieldValues>(
  form: UseFormReturn<V>,
  /** `loadSaved` absent: a form that only creates (a stale save cannot happen, nothing to show). */
  { version, loadSaved }: { version: number; loadSaved?: () => Promise<SavedVersion<V>> },
) {
  const current = useRef(version);
  const [saved, setSaved] = useState<SavedVersion<V> | null>(null);
  const guard =
    (save: (values: V, version: number) => Promise<unknown>) =>
    async (values: V): Promise<unknown> => {
      try {
        const result = await save(values, current.current);
        const next = (result as { version?: unknown } | null)?.version;
        if (typeof next === "number") current.current = next;
        setSaved(null);
        return result;
      } catch (error) {
        if (isStaleVersion(error)) setSaved(loadSaved ? await loadSaved().catch(() => null) : null);
        throw error;
      }
    };
  /**
   * "Save mine over it": validates and saves the fields against the saved
   * version (a plain button, so Enter in a field never picks it silently).
   */
  const saveMine = (submit: () => unknown) => {
    if (saved) current.current = saved.version;
    void submit();
  };
  const takeSaved = () => {
    if (!saved) return;
    current.current = saved.version;
    form.reset(saved.values);
    setSaved(null);
  };
  return {
    saved,
    guard,
    saveMine,
    takeSaved,
    /** The panel's two buttons for a form built on useSubmit: `<VersionConflict {...versioned.actions(submit, clearError)} …/>`. */
    actions: (submit: () => unknown, clearError: () => void) => ({
      onSaveMine: () => saveMine(submit),
      onUseSaved: () => {
        takeSaved();
        clearError();
      },
    }),
  };
}
