"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { updateProfileInput, type UpdateProfileInput } from "@/lib/validators/account";
import { useTRPC } from "@/trpc/react";

export function ProfileForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: account } = useSuspenseQuery(trpc.account.me.queryOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UpdateProfileInput>({
    resolver: zodResolver(updateProfileInput),
    // defaultValues (not `values`) so the server-rendered form already shows them.
    defaultValues: { name: account.name, timeZone: account.timeZone },
  });
  const timeZones = useMemo(() => {
    const zones = Intl.supportedValuesOf("timeZone");
    return zones.includes(account.timeZone) ? zones : [account.timeZone, ...zones];
  }, [account.timeZone]);
  const update = useMutation(
    trpc.account.updateProfile.mutationOptions({
      onSuccess: async (saved) => {
        form.reset({ name: saved.name, timeZone: saved.timeZone });
        await queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() });
        router.refresh();
        toast.success("Profile saved.");
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    }),
  );
  const { errors, isDirty } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    update.mutate(values);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Name" error={errors.name?.message}>
        {(a) => <Input {...a} autoComplete="name" defaultValue={account.name} {...form.register("name")} />}
      </Field>
      <Field label="Email" hint="Your sign-in email cannot be changed yet.">
        {(a) => <Input {...a} value={account.email} readOnly disabled />}
      </Field>
      <Field
        label="Time zone"
        error={errors.timeZone?.message}
        hint="Days, due dates and your energy log follow this time zone."
      >
        {(a) => (
          <Select {...a} defaultValue={account.timeZone} {...form.register("timeZone")}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div>
        <Button type="submit" disabled={update.isPending || !isDirty}>
          {update.isPending ? "Saving…" : "Save profile"}
        </Button>
      </div>
    </form>
  );
}
