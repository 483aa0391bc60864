"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { renameOrganisationFields, type RenameOrganisationValues } from "@/lib/validators/members";
import { useTRPC } from "@/trpc/react";
import { useRenameOrganisation } from "./mutations";

/** The organisation's name, saved against the version the form was loaded at (a save elsewhere meanwhile is refused). */
export function OrganisationNameForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const { data } = useSuspenseQuery(trpc.members.organisation.queryOptions());
  const form = useForm<RenameOrganisationValues>({ resolver: zodResolver(renameOrganisationFields), defaultValues: { name: data.name } });
  const version = useRef(data.version);
  const rename = useRenameOrganisation();
  const { submit, formError } = useSubmit(form, async (values) => {
    const saved = await rename.mutateAsync({ ...values, version: version.current });
    version.current = saved.version;
    form.reset({ name: saved.name });
    toast.success("Organisation renamed.");
    // The menu (server-rendered) shows the name too.
    router.refresh();
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Organisation name" error={errors.name?.message}>
        {(a) => <Input {...a} {...form.register("name")} />}
      </Field>
      <div>
        <Button type="submit" disabled={!isDirty || isSubmitting}>
          {isSubmitting ? "Saving…" : "Save name"}
        </Button>
      </div>
    </form>
  );
}
