import type { z } from "zod";
import type { Db } from "../../db/types";
import { dataSources } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { loadInScope } from "../kernel/access";
import { AppError } from "../kernel/errors";
import { derivePromQl } from "@/lib/slo/promql";
import type { importOpenSloInput } from "@/lib/validators/slo";
import type { Target } from "../targets/targets.read";
import { importOpenSlo } from "../targets/slo.write";
import { bindMetric } from "./bindings.write";

/**
 * An OpenSLO file imported as a target (targets/slo.write.ts) and, with a data
 * source, its metric bound to the SLI's derived PromQL: backfilled from the
 * target's start and pulled hourly like any binding. Binding talks to
 * Prometheus, so it runs after the target is saved (never holding a
 * transaction open over the network); a query Prometheus refuses leaves the
 * target unbound, with the reason in `bindProblem` for the user. A data source
 * out of sight is NOT_FOUND before anything is made.
 */
export async function importOpenSloMeasured(
  db: Db,
  actor: Actor,
  { dataSourceId, ...input }: z.output<typeof importOpenSloInput>,
): Promise<Target & { bindProblem: string | null }> {
  if (dataSourceId) await loadInScope(db, actor, dataSources, dataSourceId, "Data source");
  const { target, metricId, spec } = await importOpenSlo(db, actor, input);
  if (!dataSourceId) return { ...target, bindProblem: null };
  try {
    await bindMetric(db, actor, { metricId, dataSourceId, query: derivePromQl(spec).value, intervalMinutes: 60 });
    return { ...target, bindProblem: null };
  } catch (error) {
    if (error instanceof AppError && error.code === "BAD_REQUEST") return { ...target, bindProblem: error.message };
    throw error;
  }
}
