"use client";

import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export type EditableLevel = { id?: string; label: string; meaning: string; autonomy: number };

/**
 * Edit a spectrum's levels: rename, describe, set autonomy (0–100%), reorder,
 * add and remove. The server checks the order of autonomies and levels in use.
 */
export function SpectrumEditor({
  initialName,
  initialLevels,
  submitLabel,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  initialName: string;
  initialLevels: EditableLevel[];
  submitLabel: string;
  error?: string | null;
  pending?: boolean;
  onSubmit: (name: string, levels: EditableLevel[]) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [levels, setLevels] = useState(initialLevels);
  const update = (i: number, patch: Partial<EditableLevel>) => setLevels((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const move = (i: number, by: number) =>
    setLevels((ls) => {
      const next = [...ls];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });
  return (
    <form
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(name, levels);
      }}
    >
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <label className="grid gap-1.5 text-sm font-medium">
        Name
        <Input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <ol className="grid gap-2">
        {levels.map((level, i) => (
          <li key={level.id ?? `new-${i}`} className="grid grid-cols-[1fr_2fr_5rem_auto] items-center gap-2">
            <Input aria-label={`Level ${i + 1} name`} value={level.label} onChange={(e) => update(i, { label: e.target.value })} />
            <Input aria-label={`Level ${i + 1} meaning`} value={level.meaning} onChange={(e) => update(i, { meaning: e.target.value })} placeholder="What it means" />
            <Input
              aria-label={`Level ${i + 1} autonomy (%)`}
              type="number"
              min={0}
              max={100}
              value={Math.round(level.autonomy * 100)}
              onChange={(e) => update(i, { autonomy: Number(e.target.value) / 100 })}
            />
            <span className="flex">
              <Button variant="ghost" size="icon" aria-label={`Move level ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                <ArrowUp aria-hidden="true" />
              </Button>
              <Button variant="ghost" size="icon" aria-label={`Move level ${i + 1} down`} disabled={i === levels.length - 1} onClick={() => move(i, 1)}>
                <ArrowDown aria-hidden="true" />
              </Button>
              <Button variant="ghost" size="icon" aria-label={`Remove level ${i + 1}`} disabled={levels.length <= 2} onClick={() => setLevels((ls) => ls.filter((_, j) => j !== i))}>
                <X aria-hidden="true" />
              </Button>
            </span>
          </li>
        ))}
      </ol>
      <p className="text-xs text-muted">Autonomy: 0% you do it or tell, 100% fully theirs. Each level needs more than the one above it.</p>
      <div className="flex justify-between gap-2">
        <Button variant="ghost" onClick={() => setLevels((ls) => [...ls, { label: "", meaning: "", autonomy: 1 }])} disabled={levels.length >= 12}>
          <Plus aria-hidden="true" /> Add level
        </Button>
        <span className="flex gap-2">
          <Button variant="secondary" onClick={onCancel}>Cancel</Button>
          <Button type="submit" disabled={pending}>{submitLabel}</Button>
        </span>
      </div>
    </form>
  );
}
