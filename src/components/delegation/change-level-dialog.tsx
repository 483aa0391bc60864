"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useSetLevel } from "./mutations";

type Level = { id: string; label: string; meaning: string };

/** Changing a level asks for an optional reason; the change is kept in the task's history. */
export function ChangeLevelDialog({ task, levels }: { task: { id: string; title: string; levelId: string }; levels: Level[] }) {
  const [open, setOpen] = useState(false);
  const [levelId, setLevelId] = useState(task.levelId);
  const [reason, setReason] = useState("");
  const setLevel = useSetLevel({
    onSuccess: () => {
      setOpen(false);
      setReason("");
      toast.success("Level changed.");
    },
  });
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setLevelId(task.levelId); }}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">Change level</Button>
      </DialogTrigger>
      <DialogContent title={`Change the level of “${task.title}”`}>
        <form className="grid gap-4" onSubmit={(e) => { e.preventDefault(); setLevel.mutate({ id: task.id, levelId, reason: reason || null }); }}>
          {setLevel.error ? <Alert tone="danger">{setLevel.error.message}</Alert> : null}
          <Field label="Level">
            {(a) => (
              <Select {...a} value={levelId} onChange={(e) => setLevelId(e.target.value)}>
                {levels.map((l) => (
                  <option key={l.id} value={l.id}>{l.label} — {l.meaning}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Why (optional)" hint="Kept in the task's history.">
            {(a) => <Input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={setLevel.isPending || levelId === task.levelId}>Change level</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
