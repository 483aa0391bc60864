"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useSubmit } from "@/components/forms/use-submit";
import { useVersionedForm, VersionConflict } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { profileFields, type ProfileValues } from "@/lib/validators/account";
import { useTRPC } from "@/trpc/react";
import { useUpdateProfile } from "./mutations";

export function ProfileForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: account } = useSuspenseQuery(trpc.account.me.queryOptions());
  const form = useForm<ProfileValues>({
    resolver: zodResolver(profileFields),
    // defaultValues (not `values`) so the server-rendered form already shows them.
    defaultValues: { name: account.name, timeZone: account.timeZone },
  });
  const timeZones = useMemo(() => {
    const zones = Intl.supportedValuesOf("timeZone");
    return zones.includes(account.timeZone) ? zones : [account.timeZone, ...zones];
  }, [account.timeZone]);
  const update = useUpdateProfile();
  // Saved against the version the page loaded: another tab's save in between is a conflict, shown beside the fields.
  const versioned = useVersionedForm(form, {
    version: account.version,
    loadSaved: async () => {
      const latest = await queryClient.fetchQuery({ ...trpc.account.me.queryOptions(), staleTime: 0 });
      return { version: latest.version, values: { name: latest.name, timeZone: latest.timeZone } };
    },
  });
  const {
    submit: onSubmit,
    formError,
    clearError,
  } = useSubmit(
    form,
    versioned.guard(async (values, version) => {
      const saved = await update.mutateAsync({ ...values, version });
      form.reset({ name: saved.name, timeZone: saved.timeZone });
      router.refresh();
      toast.success("Profile saved.");
      return saved;
    }),
  );
  const { errors, isDirty, isSubmitting } = form.formState;
  const saved = versioned.saved?.values;

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      {saved ? (
        <VersionConflict
          pending={isSubmitting}
          {...versioned.actions(onSubmit, clearError)}
          rows={[
            { label: "Name", value: saved.name },
            { label: "Time zone", value: saved.timeZone.replaceAll("_", " ") },
          ]}
        />
      ) : null}
      <Field label="Name" error={errors.name?.message}>
        {(a) => <Input {...a} autoComplete="name" defaultValue={account.name} {...form.register("name")} />}
      </Field>
      <Field label="Email" hint="Your sign-in email cannot be changed yet.">
        {(a) => <Input {...a} value={account.email} readOnly disabled />}
      </Field>
      <Field label="Time zone" error={errors.timeZone?.message} hint="Days, due dates and your energy log follow this time zone.">
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
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Saving…" : "Save profile"}
        </Button>
      </div>
    </form>
  );
}
