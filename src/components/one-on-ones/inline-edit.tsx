"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";

/**
 * Edits one line of text in place: Enter saves, Escape cancels, and a server
 * error shows under it with what was typed kept.
 */
export function InlineEdit({
  label,
  initial,
  onSave,
  onCancel,
  error,
  children,
}: {
  label: string;
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
  error?: string;
  /** More controls on the same row (a due date, say). */
  children?: React.ReactNode;
}) {
  const [text, setText] = useState(initial);
  return (
    <form
      noValidate
      className="grid min-w-0 flex-1 gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="flex flex-wrap gap-2">
        <Input aria-label={label} className="min-w-40 flex-1" autoFocus value={text} onChange={(e) => setText(e.target.value)} aria-invalid={Boolean(error)} />
        {children}
      </div>
      <p className="text-xs text-muted">Enter to save, Escape to cancel.</p>
      {error ? (
        <p role="alert" className="text-xs font-medium text-danger">{error}</p>
      ) : null}
    </form>
  );
}
