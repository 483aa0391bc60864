"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { MAX_PAGE } from "@/lib/page-size";
import { useTRPC } from "@/trpc/react";
import { useSetTargetParent } from "./mutations";

/**
 * The "Move under…" dialog's form: a target the actor set or owns (not this
 * one or one of its own sub-targets, `below`) to put it under. Loaded when the
 * dialog first opens; it starts afresh each time (the dialog unmounts it).
 */
export default function MoveTargetForm({
  id,
  version,
  below,
  onDone,
}: {
  id: string;
  version: number;
  below: string[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const [parentId, setParentId] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The first MAX_PAGE of them, worst first: a picker, not the list.
  const { data: mine } = useQuery(trpc.targets.list.queryOptions({ mine: true, limit: MAX_PAGE }));
  const move = useSetTargetParent();
  const choices = (mine?.items ?? []).filter((t) => !below.includes(t.id));
  return (
    <form
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!parentId) return setError("Choose a target.");
        move.mutate(
          { id, parentId, version },
          {
            onSuccess: () => {
              onDone();
              toast.success("Moved.");
            },
            onError: (err) => setError(err.message),
          },
        );
      }}
    >
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Part of" hint="Its owners must be below you in the chart.">
        {(a) => (
          <Select {...a} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">Choose a target</option>
            {choices.map((t) => (
              <option key={t.id} value={t.id}>
                {[...t.partOf.map((p) => p.title), t.title].join(" › ")}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div data-dialog-footer className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={move.isPending}>
          Move
        </Button>
      </div>
    </form>
  );
}
