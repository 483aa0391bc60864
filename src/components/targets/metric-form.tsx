"use client";

import { useForm } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { numberOrNull } from "@/components/forms/field-values";
import { useSubmit } from "@/components/forms/use-submit";
import { useVersionedForm, VersionConflict, type VersionedFormProps } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { METRIC_PRESETS } from "@/lib/targets/presets";
import { DIRECTION_LABELS, DIRECTIONS } from "@/lib/targets/labels";
import type { CreateMetricInput } from "@/lib/validators/targets";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";

export { metricValues } from "./metric-values";

// The shared schema, loaded with zod on the first submit rather than with the page.
const metricResolver = lazyZodResolver(() => import("@/lib/validators/targets").then((m) => m.createMetricInput));

const shown = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Add or edit a metric; an edit refused because the metric changed elsewhere shows the saved one beside the fields. */
export function MetricForm({
  defaults,
  version = 1,
  loadSaved,
  submitLabel,
  onSubmit,
  onCancel,
  showPresets,
}: VersionedFormProps<CreateMetricInput> & { onCancel: () => void; showPresets?: boolean }) {
  const form = useForm<CreateMetricInput>({ resolver: metricResolver, defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const kind = form.watch("kind");
  const direction = form.watch("direction");
  const versioned = useVersionedForm(form, { version, loadSaved });
  const { submit, formError, clearError } = useSubmit(form, versioned.guard(onSubmit));
  const saved = versioned.saved?.values;
  const num = (name: "baseline" | "goal" | "bandLow" | "bandHigh" | "warning", label: string, hint?: string) => (
    <Field label={label} error={errors[name]?.message} hint={hint}>
      {(a) => <Input {...a} inputMode="decimal" autoComplete="off" {...form.register(name, { setValueAs: numberOrNull })} />}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      {saved ? (
        <VersionConflict
          pending={isSubmitting}
          {...versioned.actions(submit, clearError)}
          rows={[
            { label: "Name", value: saved.name },
            { label: "Kind", value: saved.kind === "milestone" ? "Milestone" : "Number" },
            ...(saved.kind === "milestone"
              ? []
              : [
                  { label: "Unit", value: saved.unit },
                  { label: "Direction", value: saved.direction ? DIRECTION_LABELS[saved.direction] : null },
                  ...(saved.direction === "band"
                    ? [
                        { label: "Band low", value: shown(saved.bandLow) },
                        { label: "Band high", value: shown(saved.bandHigh) },
                      ]
                    : [
                        { label: "Baseline", value: shown(saved.baseline) },
                        { label: "Goal", value: shown(saved.goal) },
                      ]),
                  { label: "Warning", value: shown(saved.warning) },
                ]),
          ]}
        />
      ) : null}
      {showPresets ? (
        <Field label="Start from a preset">
          {(a) => (
            <Select
              {...a}
              defaultValue=""
              onChange={(e) => {
                const preset = METRIC_PRESETS[Number(e.target.value)];
                if (preset) form.reset({ ...defaults, ...preset.values });
              }}
            >
              <option value="">Blank metric</option>
              {METRIC_PRESETS.map((p, i) => (
                <option key={p.label} value={i}>
                  {p.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field label="Name" error={errors.name?.message}>
          {(a) => <Input {...a} autoComplete="off" {...form.register("name")} />}
        </Field>
        <Field label="Kind" error={errors.kind?.message}>
          {(a) => (
            <Select {...a} {...form.register("kind")}>
              <option value="number">Number</option>
              <option value="milestone">Milestone</option>
            </Select>
          )}
        </Field>
      </div>
      {kind !== "milestone" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Unit" error={errors.unit?.message} hint="%, ms, req/s, errors/min, cores…">
              {(a) => <Input {...a} autoComplete="off" list="metric-units" {...form.register("unit")} />}
            </Field>
            <Field label="Direction" error={errors.direction?.message}>
              {(a) => (
                <Select {...a} {...form.register("direction", { setValueAs: (v) => v || null })}>
                  <option value="">Choose…</option>
                  {DIRECTIONS.map((d) => (
                    <option key={d} value={d}>
                      {DIRECTION_LABELS[d]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <datalist id="metric-units">
            {["%", "ms", "req/s", "errors/min", "cores", "GB"].map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
          {direction === "band" ? (
            <div className="grid gap-4 sm:grid-cols-3">
              {num("bandLow", "Band low")}
              {num("bandHigh", "Band high")}
              {num("warning", "Warning margin", "Outside the band by at most this: at risk.")}
            </div>
          ) : (
            <div className="grid gap-4 sm:grid-cols-3">
              {num("baseline", "Baseline", "Where it stands at the start.")}
              {num("goal", "Goal")}
              {num("warning", "Warning threshold", "Optional: worse than this is at risk.")}
            </div>
          )}
        </>
      ) : (
        <p className="text-sm text-muted">A milestone is done or not; mark it on the target page.</p>
      )}
      <FormActions submitLabel={submitLabel} pending={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
