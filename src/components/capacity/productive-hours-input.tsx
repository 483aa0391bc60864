"use client";

import { useEffect, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Input } from "@/components/ui/input";
import { useSetProductiveHours } from "./mutations";

/**
 * A day's productive hours: saved when the field is left or Enter is pressed; emptied, it clears them.
 * One cell of the week grid rather than a form (no submit, no messages under it: errors go to a
 * toast), so it keeps its own text instead of the react-hook-form recipe.
 */
export function ProductiveHoursInput({
  day,
  hours,
  label,
  disabled,
}: {
  day: string;
  hours: number | null;
  label: string;
  disabled?: boolean;
}) {
  const [value, setValue] = useState(hours === null ? "" : String(hours));
  useEffect(() => setValue(hours === null ? "" : String(hours)), [hours]);
  const save = useSetProductiveHours({ onError: (e) => toast.error(e.data?.fieldErrors?.hours ?? e.message) });
  const commit = () => {
    const next = value.trim() === "" ? null : Number(value);
    if (next === hours) return;
    if (next !== null && Number.isNaN(next)) return setValue(hours === null ? "" : String(hours));
    save.mutate({ day, hours: next });
  };
  const invalid = save.isError;
  return (
    <Input
      type="number"
      inputMode="decimal"
      min={0}
      max={24}
      step={0.5}
      aria-label={label}
      aria-invalid={invalid}
      disabled={disabled}
      className="h-8 w-20 tabular-nums"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
