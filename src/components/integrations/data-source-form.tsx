"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { dataSourceForm, type CreateDataSourceInput } from "@/lib/validators/integrations";
import { useCreateDataSource, useUpdateDataSource } from "./mutations";

type Source = {
  id: string;
  name: string;
  baseUrl: string;
  authKind: "none" | "bearer" | "basic";
  credentialsSet: boolean;
  version: number;
};

const AUTH_LABELS = { none: "None", bearer: "Bearer token", basic: "Basic auth (user name and password)" } as const;

/**
 * Adds a data source, or edits one (`source`). The credentials are write-only:
 * an edit shows empty secret fields, and leaving them empty keeps the stored ones.
 */
export function DataSourceForm({ source, onDone }: { source?: Source; onDone: () => void }) {
  const create = useCreateDataSource();
  const update = useUpdateDataSource();
  const editing = source !== undefined;
  const form = useForm<CreateDataSourceInput>({
    resolver: zodResolver(dataSourceForm(editing)),
    defaultValues: {
      name: source?.name ?? "",
      baseUrl: source?.baseUrl ?? "",
      authKind: source?.authKind ?? "none",
      token: "",
      username: "",
      password: "",
    },
  });
  const { submit, formError } = useSubmit(form, async (values) => {
    if (source) {
      await update.mutateAsync({ ...values, id: source.id, version: source.version });
      toast.success("Data source saved.");
    } else {
      await create.mutateAsync(values);
      toast.success("Data source added.");
    }
    onDone();
  });
  const { errors, isSubmitting } = form.formState;
  const authKind = useWatch({ control: form.control, name: "authKind" });
  const keepHint = source?.credentialsSet && source.authKind === authKind ? "Set. Leave empty to keep it." : undefined;
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={errors.name?.message}>
          {(a) => <Input {...a} {...form.register("name")} placeholder="Production Prometheus" />}
        </Field>
        <Field label="Base URL" error={errors.baseUrl?.message} hint="The address Prometheus answers its API on.">
          {(a) => <Input {...a} {...form.register("baseUrl")} inputMode="url" placeholder="https://prometheus.example.com" />}
        </Field>
      </div>
      <Field label="Authentication" error={errors.authKind?.message}>
        {(a) => (
          <Select {...a} {...form.register("authKind")}>
            {(Object.keys(AUTH_LABELS) as (keyof typeof AUTH_LABELS)[]).map((kind) => (
              <option key={kind} value={kind}>
                {AUTH_LABELS[kind]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {authKind === "bearer" ? (
        <Field label="Bearer token" error={errors.token?.message} hint={keepHint}>
          {(a) => <Input {...a} {...form.register("token")} type="password" autoComplete="off" />}
        </Field>
      ) : null}
      {authKind === "basic" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="User name" error={errors.username?.message} hint={keepHint}>
            {(a) => <Input {...a} {...form.register("username")} autoComplete="off" />}
          </Field>
          <Field label="Password" error={errors.password?.message}>
            {(a) => <Input {...a} {...form.register("password")} type="password" autoComplete="new-password" />}
          </Field>
        </div>
      ) : null}
      <p className="text-xs text-muted">Credentials are stored encrypted and are never shown again, not even to admins.</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : editing ? "Save data source" : "Add data source"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export type { Source };
