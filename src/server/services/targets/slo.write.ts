import type { z } from "zod";
import type { Db } from "../../db/types";
import { targetSlos } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError } from "../kernel/errors";
import { formatSloIssue, parseOpenSlo } from "@/lib/slo/parse";
import type { SloSpec } from "@/lib/slo/spec";
import { sloTarget } from "@/lib/slo/target";
import type { importOpenSloInput } from "@/lib/validators/slo";
import { createMetricInput, createTargetInput } from "@/lib/validators/targets";
import { createMetric } from "./metrics.write";
import { createTarget } from "./targets.write";
import type { Target } from "./targets.read";

// OpenSLO import: an SLO file becomes a reliability target with one metric,
// and its normalised spec is kept (target_slos) for export and for binding
// the metric to the derived PromQL once a Prometheus data source exists.

/** The field of the import form a problem is shown next to: the file, unless it is about the target's own fields. */
const FILE_FIELD = "yaml";

/** Parses with the same validator as the form a person would fill in, so an SLO cannot make a target the form would refuse. */
function checked<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const message = `The SLO makes a target Intersect cannot keep: ${issue.message}`;
  throw new AppError("BAD_REQUEST", message, { [FILE_FIELD]: message });
}

/**
 * Creates the target (the actor becomes its controller: the same rules as a new
 * target, owners the actor may place), its metric and the stored spec, all or
 * nothing. A file with problems is BAD_REQUEST listing each with its line and
 * field; nothing is created. Binding the metric to Prometheus is the caller's
 * (integrations/slo-import.write.ts), with the metric and spec returned here.
 */
export async function importOpenSlo(
  db: Db,
  actor: Actor,
  { yaml, ...placement }: Omit<z.output<typeof importOpenSloInput>, "dataSourceId">,
): Promise<{ target: Target; metricId: string; spec: SloSpec }> {
  const parsed = parseOpenSlo(yaml);
  if (!parsed.ok) {
    const message = parsed.issues.map(formatSloIssue).join("\n");
    throw new AppError("BAD_REQUEST", message, { [FILE_FIELD]: message });
  }
  const { spec } = parsed;
  const { title, description, metric } = sloTarget(spec);
  const targetInput = checked(createTargetInput, {
    ...placement,
    title,
    description,
    kind: "reliability",
    status: "active",
    parentId: null,
  });
  return db.transaction(async (tx) => {
    const target = await createTarget(tx, actor, targetInput);
    const made = await createMetric(tx, actor, checked(createMetricInput, { ...metric, targetId: target.id }));
    await tx.insert(targetSlos).values({ orgId: actor.orgId, targetId: target.id, spec });
    return { target, metricId: made.id, spec };
  });
}
