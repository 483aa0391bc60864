"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useTRPC } from "@/trpc/react";

type Props = { person: { id: string; name: string }; activeReports: { id: string; name: string }[] };

/** Archiving asks first; a manager's active reports must be given a new manager in the same step. */
export function ArchivePersonDialog({ person, activeReports }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reportsGoTo, setReportsGoTo] = useState("");
  const { data: options = [] } = useQuery(trpc.people.options.queryOptions());
  const restore = useMutation(trpc.people.restore.mutationOptions());
  const archive = useMutation(
    trpc.people.archive.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
        setOpen(false);
        toast.success(`${person.name} archived.`, {
          action: {
            label: "Undo",
            onClick: async () => {
              await restore.mutateAsync({ id: person.id });
              await queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
            },
          },
        });
      },
    }),
  );
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
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            archive.mutate({ id: person.id, reportsGoTo: activeReports.length ? reportsGoTo || null : undefined });
          }}
        >
          {archive.error ? <Alert tone="danger">{archive.error.message}</Alert> : null}
          {activeReports.length > 0 ? (
            <Field
              label={`Who do their ${activeReports.length} report${activeReports.length === 1 ? "" : "s"} report to now?`}
              hint={activeReports.map((r) => r.name).join(", ")}
            >
              {(a) => (
                <Select {...a} value={reportsGoTo} onChange={(e) => setReportsGoTo(e.target.value)}>
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
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={archive.isPending}>
              {archive.isPending ? "Archiving…" : "Archive"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
