"use client";

import { useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MAX_CALENDAR_BYTES, TOO_LARGE_MESSAGE } from "@/lib/calendar-audit/limits";
import { useImportCalendar } from "./calendar-mutations";

type ImportError = { message?: string; data?: { fieldErrors?: Record<string, string> | null } | null };

/**
 * Picks an .ics export (or takes one dropped on the field) and imports the
 * week shown from it. A file too large is refused here before it is read; the
 * server refuses it too, and a malformed one, with the message shown next to the field.
 */
export function CalendarImportForm({ weekStart, hasMeetings }: { weekStart: string; hasMeetings: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const importing = useImportCalendar({
    onSuccess: (result) => {
      setFile(null);
      if (input.current) input.current.value = "";
      const kept = result.tagged ? `, ${result.tagged} tagged kept` : "";
      toast.success(`${result.imported} meeting${result.imported === 1 ? "" : "s"} imported for this week${kept}.`);
    },
    onError: (e) => {
      const err = e as ImportError;
      setError(err.data?.fieldErrors?.file ?? err.message ?? "The import failed. Nothing was imported.");
    },
  });

  const pick = (picked: File | null | undefined) => {
    setError(picked && picked.size > MAX_CALENDAR_BYTES ? TOO_LARGE_MESSAGE : undefined);
    setFile(picked ?? null);
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return setError("Choose a calendar file (.ics) first.");
    if (file.size > MAX_CALENDAR_BYTES) return setError(TOO_LARGE_MESSAGE);
    setError(undefined);
    importing.mutate({ weekStart, file: await file.text() });
  };

  return (
    <form
      noValidate
      aria-label="Import a calendar"
      className="grid gap-3"
      onSubmit={submit}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        pick(e.dataTransfer.files[0]);
      }}
    >
      <Field
        label="Calendar file (.ics)"
        hint="Export your calendar from Google Calendar, Outlook or Apple Calendar (at most 2 MB), or drop the file here."
        error={error}
      >
        {(a) => <Input {...a} ref={input} type="file" accept=".ics,text/calendar" onChange={(e) => pick(e.target.files?.[0])} />}
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 text-xs break-words text-muted">
          {file ? `${file.name}, ${Math.max(1, Math.round(file.size / 1024))} KB. ` : null}
          {hasMeetings
            ? "Importing again replaces this week's meetings; tags stay on the same meetings."
            : "Only this week's meetings are kept."}
        </p>
        <Button type="submit" disabled={!file || importing.isPending}>
          {importing.isPending ? "Importing…" : "Import this week"}
        </Button>
      </div>
    </form>
  );
}
