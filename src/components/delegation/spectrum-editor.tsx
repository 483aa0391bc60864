"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";
import { Controller, useFieldArray, useForm, type FieldErrors } from "react-hook-form";
import type { z } from "zod";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { updateSpectrumInput } from "@/lib/validators/delegation";

export type EditableLevel = { id?: string; label: string; meaning: string; autonomy: number };

/** A spectrum's name and levels, checked by the shared rule (order of autonomies, distinct names). */
const spectrumForm = updateSpectrumInput.pick({ name: true, levels: true });
type SpectrumValues = z.input<typeof spectrumForm>;

/** The editor shows one message at a time, above the levels: the first the schema or the server gave. */
function firstMessage(errors: FieldErrors<SpectrumValues>): string | undefined {
  const stack: unknown[] = [errors];
  while (stack.length) {
    const node = stack.shift();
    if (!node || typeof node !== "object") continue;
    const { message } = node as { message?: unknown };
    if (typeof message === "string" && message) return message;
    for (const [key, value] of Object.entries(node)) if (key !== "ref") stack.push(value);
  }
  return undefined;
}

/**
 * Edit a spectrum's levels: rename, describe, set autonomy (0–100%), reorder,
 * add and remove. The server also checks the levels in use.
 */
export function SpectrumEditor({
  initialName,
  initialLevels,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initialName: string;
  initialLevels: EditableLevel[];
  submitLabel: string;
  onSubmit: (values: { name: string; levels: EditableLevel[] }) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useForm<SpectrumValues>({
    resolver: zodResolver(spectrumForm),
    defaultValues: { name: initialName, levels: initialLevels },
  });
  // `keyName`: the field array's own key, so a level's `id` (the database's) stays a value.
  const levels = useFieldArray({ control: form.control, name: "levels", keyName: "key" });
  const { submit, formError } = useSubmit(form, (values) => onSubmit(values as { name: string; levels: EditableLevel[] }));
  const error = formError ?? firstMessage(form.formState.errors);
  const count = levels.fields.length;
  return (
    <form noValidate className="grid gap-4" onSubmit={submit}>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <label className="grid gap-1.5 text-sm font-medium">
        Name
        <Input {...form.register("name")} />
      </label>
      <ol className="grid gap-2">
        {levels.fields.map((level, i) => (
          <li key={level.key} className="grid grid-cols-[1fr_2fr_5rem_auto] items-center gap-2">
            <Input aria-label={`Level ${i + 1} name`} {...form.register(`levels.${i}.label`)} />
            <Input aria-label={`Level ${i + 1} meaning`} {...form.register(`levels.${i}.meaning`)} placeholder="What it means" />
            <Controller
              control={form.control}
              name={`levels.${i}.autonomy`}
              render={({ field }) => (
                <Input
                  aria-label={`Level ${i + 1} autonomy (%)`}
                  type="number"
                  min={0}
                  max={100}
                  name={field.name}
                  ref={field.ref}
                  onBlur={field.onBlur}
                  value={Math.round(field.value * 100)}
                  onChange={(e) => field.onChange(Number(e.target.value) / 100)}
                />
              )}
            />
            <span className="flex">
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Move level ${i + 1} up`}
                disabled={i === 0}
                onClick={() => levels.move(i, i - 1)}
              >
                <ArrowUp aria-hidden="true" />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Move level ${i + 1} down`}
                disabled={i === count - 1}
                onClick={() => levels.move(i, i + 1)}
              >
                <ArrowDown aria-hidden="true" />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Remove level ${i + 1}`}
                disabled={count <= 2}
                onClick={() => levels.remove(i)}
              >
                <X aria-hidden="true" />
              </Button>
            </span>
          </li>
        ))}
      </ol>
      <p className="text-xs text-muted">Autonomy: 0% you do it or tell, 100% fully theirs. Each level needs more than the one above it.</p>
      <div className="flex justify-between gap-2">
        <Button variant="ghost" onClick={() => levels.append({ label: "", meaning: "", autonomy: 1 })} disabled={count >= 12}>
          <Plus aria-hidden="true" /> Add level
        </Button>
        <span className="flex gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {submitLabel}
          </Button>
        </span>
      </div>
    </form>
  );
}
