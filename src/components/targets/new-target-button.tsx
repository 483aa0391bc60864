"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useCreateTarget } from "./mutations";
import { defaultTargetValues, TargetForm } from "./target-form";

/** `defaultOpen`: the page was opened to make a target (the palette's "New target"). */
export function NewTargetButton({ label = "New target", defaultOpen = false }: { label?: string; defaultOpen?: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(defaultOpen);
  const create = useCreateTarget();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> {label}
        </Button>
      </DialogTrigger>
      <DialogContent title="New target" description="You set what to hit; the owners choose how. Add metrics on the next page.">
        <TargetForm
          defaults={defaultTargetValues()}
          submitLabel="Create target"
          onCancel={() => setOpen(false)}
          onSubmit={async (values) => {
            const target = await create.mutateAsync(values);
            setOpen(false);
            toast.success("Target created. Now add the metrics that measure it.");
            router.push(`/targets/${target.id}`);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
