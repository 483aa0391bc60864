"use client";

import { Plus } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useTRPC } from "@/trpc/react";
import { useCreateTarget } from "./mutations";
import { TargetForm } from "./lazy-forms";
import { defaultTargetValues } from "./target-defaults";

/**
 * `defaultOpen`: the page was opened to make a target (the palette's "New
 * target"); `areaId`: for that area (the palette's "New target for this
 * area"), preselected with its pair proposed as owners, as choosing it in the
 * form does. An area the form does not offer is ignored.
 */
export function NewTargetButton({
  label = "New target",
  defaultOpen = false,
  areaId,
}: {
  label?: string;
  defaultOpen?: boolean;
  areaId?: string;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const [open, setOpen] = useState(defaultOpen);
  const create = useCreateTarget();
  const { data: options } = useQuery({ ...trpc.targets.formOptions.queryOptions(), enabled: Boolean(areaId) });
  const area = areaId ? options?.areas.find((a) => a.id === areaId) : undefined;
  const defaults = () => {
    const values = defaultTargetValues();
    if (!area) return values;
    const pair = [area.emPersonId, area.icPersonId].filter((id): id is string => Boolean(id));
    return { ...values, areaId: area.id, ownerIds: pair };
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> {label}
        </Button>
      </DialogTrigger>
      <DialogContent title="New target" description="You set what to hit; the owners choose how. Add metrics on the next page.">
        <TargetForm
          // A new form once the area is known (the options may arrive after the first render).
          key={area?.id ?? "none"}
          defaults={defaults()}
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
