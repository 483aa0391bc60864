"use client";

import { Field } from "@/components/ui/field";
import { MultiSelect } from "@/components/ui/multi-select";
import { TrackBadge } from "@/components/ui/track-badge";
import type { Track } from "@/lib/people/ladder";

type Person = { id: string; name: string; track: Track };

/**
 * The "Owners" picker of the target forms (new target, sub-target, OpenSLO import).
 * With nobody to offer it says why instead of showing an empty picker, and still
 * shows the error so a submit without owners is explained.
 */
export function OwnersField({
  people,
  value,
  onChange,
  error,
  emptyMessage,
}: {
  people: Person[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
  /** Shown instead of the picker when `people` is empty. */
  emptyMessage: string;
}) {
  if (people.length === 0) {
    return (
      <div className="grid gap-1.5">
        <p className="text-sm font-medium">Owners</p>
        <p className="text-sm text-muted">{emptyMessage}</p>
        {error ? (
          <p role="alert" className="text-xs font-medium text-danger">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <Field label="Owners" error={error} hint="Type a name to find someone; pick one or more.">
      {(a) => (
        <MultiSelect
          {...a}
          label="Owners"
          options={people.map((p) => ({ value: p.id, label: p.name, detail: <TrackBadge track={p.track} /> }))}
          value={value}
          onChange={onChange}
          chipsLabel="Chosen owners"
          noMatches="Nobody by that name in your part of the chart."
        />
      )}
    </Field>
  );
}
