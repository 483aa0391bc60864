"use client";

import { useState } from "react";

export type SavedText = { body: string; version: number };

/**
 * The state behind a StaleSavePanel for a one-text form (a hand-over note, a
 * week's status): the text saved elsewhere since the form loaded, and the two
 * ways on. "Save mine over it" saves again from the saved version; "Use the
 * saved …" takes the saved text into the form. Either way the form's version
 * becomes the saved one, so the next save is not refused again.
 */
export function useStaleText(version: { current: number }, form: { reset: (values: { body: string }) => void }) {
  const [saved, setSaved] = useState<SavedText | null>(null);
  const waysOn = (current: SavedText, clearError: () => void, submit: () => unknown) => ({
    onSaveMine: () => {
      version.current = current.version;
      clearError();
      void submit();
    },
    onUseSaved: () => {
      version.current = current.version;
      form.reset({ body: current.body });
      setSaved(null);
      clearError();
    },
  });
  return { saved, setSaved, waysOn };
}
