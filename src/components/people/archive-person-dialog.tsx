"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { Archive } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { archivePersonForm } from "@/lib/validators/people";
import { useTRPC } from "@/trpc/react";
import { useArchivePerson, useRestorePerson } from "./mutations";

type Props = { person: { id: string; name: string }; activeReports: { id: string; name: string }[] };

/** Archiving asks first (and can be undone); a manager's active reports must be given a new manager in the same step. */
export function ArchivePersonDialog({ person, activeReports }: Props) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const { data: options = [] } = useQuery(trpc.people.options.queryOptions());
  const archive = useArchivePerson();
  const restore = useRestorePerson();
  const form = useForm({ resolver: zodResolver(archivePersonForm), defaultValues: { reportsGoTo: "" } });
  const { submit, formError } = useSubmit(form, async ({ reportsGoTo }) => {
    await archive.mutateAsync({ id: person.id, reportsGoTo: activeReports.length ? reportsGoTo : undefined });
    setOpen(false);
    toast.success(`${person.name} archived.`, { action: { label: "Undo", onClick: () => restore.mutate({ id: person.id }) } });
  });
  const pending = form.formState.isSubmitting;
  const movers = new Set(activeReports.map((r) => r.id));
  const targets = options.filter((o) => o.id !== person.id && !movers.has(o.id));

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Archive aria-hidden="true" /> Archive
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Archive ${person.name}?`}
        description="Archived people are hidden from lists and pickers. Nothing is deleted; you can restore them later."
      >
        <form className="grid gap-4" onSubmit={submit}>
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          {activeReports.length > 0 ? (
            <Field
              label={`Who do their ${activeReports.length} report${activeReports.length === 1 ? "" : "s"} report to now?`}
              hint={activeReports.map((r) => r.name).join(", ")}
              error={form.formState.errors.reportsGoTo?.message}
            >
              {(a) => (
                <Select {...a} {...form.register("reportsGoTo")}>
                  <option value="">Me</option>
                  {targets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ) : null}
          <div data-dialog-footer className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Archiving…" : "Archive"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
