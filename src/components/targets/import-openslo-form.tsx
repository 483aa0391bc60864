"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { FormActions } from "@/components/forms/form-actions";
import { nullIfEmpty } from "@/components/forms/field-values";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { importOpenSloInput, type ImportOpenSloInput } from "@/lib/validators/slo";
import { useTRPC } from "@/trpc/react";
import { useImportOpenSlo } from "./mutations";
import { AreaField, SharedWithOrgField, TargetDatesFields, TargetOwnersField } from "./target-placement-fields";
import { defaultTargetValues } from "./target-defaults";

function defaults(): ImportOpenSloInput {
  const { areaId, ownerIds, startDate, dueDate, sharedWithOrg } = defaultTargetValues();
  return { yaml: "", areaId, ownerIds, startDate, dueDate, sharedWithOrg, dataSourceId: null };
}

/** The OpenSLO import's form (with zod and react-hook-form): loaded when its dialog first opens. */
export function ImportOpenSloForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data } = useQuery(trpc.targets.formOptions.queryOptions());
  const { data: sources } = useQuery(trpc.integrations.dataSources.queryOptions());
  const importSlo = useImportOpenSlo();
  const form = useForm<ImportOpenSloInput>({ resolver: zodResolver(importOpenSloInput), defaultValues: defaults() });
  const { errors, isSubmitting } = form.formState;
  const people = data?.people ?? [];
  const { submit, formError } = useSubmit(form, async (values) => {
    const target = await importSlo.mutateAsync(values);
    onDone();
    if (target.bindProblem) toast.warning(`SLO imported, but its metric is not pulled from Prometheus: ${target.bindProblem}`);
    else toast.success(values.dataSourceId ? "SLO imported; its metric pulls from Prometheus." : "SLO imported as a reliability target.");
    router.push(`/targets/${target.id}`);
  });

  async function readFile(file: File | undefined) {
    if (!file) return;
    form.setValue("yaml", await file.text(), { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field
        label="OpenSLO file"
        error={errors.yaml?.message}
        hint="Paste the YAML, or choose a .yaml file below. One SLO; its SLI inline or in the same file."
      >
        {(a) => <Textarea {...a} rows={10} spellCheck={false} className="font-mono text-xs" {...form.register("yaml")} />}
      </Field>
      <Field label="Or choose a file">
        {(a) => <Input {...a} type="file" accept=".yaml,.yml,application/yaml,text/yaml" onChange={(e) => readFile(e.target.files?.[0])} />}
      </Field>
      {sources?.length ? (
        <Field
          label="Measure with"
          error={errors.dataSourceId?.message}
          hint="A Prometheus data source pulls the metric from the SLI's query and shows the error budget and burn rates."
        >
          {(a) => (
            <Select {...a} {...form.register("dataSourceId", { setValueAs: nullIfEmpty })}>
              <option value="">No data source: values by hand</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <AreaField form={form} areas={data?.areas} />
      <TargetOwnersField form={form} people={people} emptyMessage="Add people first: a target is owned by one or more of them." />
      <TargetDatesFields form={form} />
      <SharedWithOrgField form={form} />
      <FormActions pending={isSubmitting} submitLabel="Import SLO" onCancel={onDone} />
    </form>
  );
}
