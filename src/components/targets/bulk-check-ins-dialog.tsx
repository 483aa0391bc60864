"use client";

import { ClipboardPaste } from "lucide-react";
import { useState } from "react";
import { useForm } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useAddCheckIns } from "./mutations";
import type { MetricRow } from "./types";

// The shared schema, loaded with zod on the first submit rather than with the page.
const bulkResolver = lazyZodResolver(() => import("@/lib/validators/targets").then((m) => m.bulkCheckInForm));

/** Many check-ins pasted as "date,value[,note]" lines. What was pasted stays when the dialog is closed. */
export function BulkCheckInsDialog({ metric, onAdded }: { metric: MetricRow; onAdded?: () => void }) {
  const [open, setOpen] = useState(false);
  const bulk = useAddCheckIns();
  // The form lives here, outside the dialog's content, so closing the dialog keeps the text.
  const form = useForm({ resolver: bulkResolver, defaultValues: { text: "" } });
  const { submit, formError, clearError } = useSubmit(form, async ({ text }) => {
    const result = await bulk.mutateAsync({ metricId: metric.id, text });
    form.reset({ text: "" });
    onAdded?.();
    setOpen(false);
    toast.success(`${result.added} check-ins added.`);
  });
  const error = form.formState.errors.text?.message ?? formError;
  const text = form.watch("text");
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Paste many check-ins for ${metric.name}`}>
          <ClipboardPaste aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Paste check-ins for ${metric.name}`}
        description='One per line: "date,value" and an optional note, e.g. 2026-03-31,99.95.'
      >
        <form
          className="grid gap-3"
          onSubmit={(e) => {
            // The dialog is portalled out of the check-in form in the DOM but not in React's tree: keep its submit from reaching that form.
            e.stopPropagation();
            void submit(e);
          }}
        >
          {/* The pasted lines' errors ("line 3: …") read best above the box, as one message. */}
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <Field label="Lines">
            {(a) => <Textarea {...a} rows={8} className="font-mono text-xs" {...form.register("text", { onChange: clearError })} />}
          </Field>
          <div data-dialog-footer className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!text.trim() || form.formState.isSubmitting}>
              Add all
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
