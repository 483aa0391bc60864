"use client";

import { UserPlus } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { FormLoading } from "@/components/forms/form-loading";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useCreatePerson } from "./mutations";
import { defaultCadence } from "@/lib/people/ladder";
import { EMPTY_PERSON } from "./person-defaults";

// The form (react-hook-form, zod and the person schema) loads when the dialog first opens.
const PersonForm = dynamic(() => import("./person-form").then((m) => m.PersonForm), { loading: FormLoading });

export function AddPersonDialog({ managerId = null, label = "Add person" }: { managerId?: string | null; label?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const create = useCreatePerson();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden="true" /> {label}
        </Button>
      </DialogTrigger>
      <DialogContent title="Add a person" description="A manager or a senior IC in your organisation.">
        <PersonForm
          defaults={{ ...EMPTY_PERSON, managerId, cadence: defaultCadence(managerId === null) }}
          submitLabel="Add person"
          onCancel={() => setOpen(false)}
          onSubmit={async (values) => {
            const person = await create.mutateAsync(values);
            setOpen(false);
            router.refresh();
            toast.success(`${person.name} added.`, {
              action: { label: "Open", onClick: () => router.push(`/people/${person.id}`) },
            });
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
