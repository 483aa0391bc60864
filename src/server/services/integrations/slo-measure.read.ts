import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { dataSources, metricBindings, metrics } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inOrg, inScope } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { describeProblem } from "@/lib/prometheus/answers";
import { derivePromQl, type SloQueries } from "@/lib/slo/promql";
import { targetSlo } from "../targets/slo.read";
import { connectionOf } from "./data-sources.read";
import { queryInstant } from "./prometheus/client";

/** The ranges an SLO's error ratio is asked for: its window (the budget) and the two burn-rate windows. */
const RANGES = ["window", "1h", "6h"] as const satisfies readonly (keyof SloQueries["errorRatio"])[];

export type SloMeasurement =
  /** No metric of the target pulls from Prometheus yet: nothing to ask. */
  | { state: "unbound" }
  | {
      state: "measured";
      dataSourceName: string;
      /** The error ratio over each range; null where Prometheus had no data (no traffic) or failed. */
      ratios: Record<(typeof RANGES)[number], number | null>;
      /** The first failure in words (unreachable, timeout, Prometheus's own error), when one range failed. */
      problem: string | null;
    };

/**
 * The error ratios of a target's SLO, asked of the data source its metric is
 * bound to, at view time: the error budget left over the SLO's window and the
 * burn rates over 1 h and 6 h come from them (lib/slo/budget.ts). Three
 * instant queries in parallel, each under the client's timeout; asked live
 * rather than stored, as Sloth's and Pyrra's dashboards do, because a burn
 * rate is only worth reading as of now. Whoever sees the target reads it; a
 * target out of sight or without an SLO is NOT_FOUND.
 */
export async function measureTargetSlo(db: Db, actor: Actor, targetId: string, now = new Date()): Promise<SloMeasurement> {
  const spec = await targetSlo(db, actor, targetId);
  if (!spec) throw notFound("SLO");
  const [bound] = await db
    .select({ source: dataSources })
    .from(metricBindings)
    .innerJoin(metrics, and(eq(metrics.orgId, metricBindings.orgId), eq(metrics.id, metricBindings.metricId)))
    .innerJoin(dataSources, and(eq(dataSources.orgId, metricBindings.orgId), eq(dataSources.id, metricBindings.dataSourceId)))
    .where(and(inScope(metricBindings, actor, eq(metrics.targetId, targetId)), inOrg(metrics, actor)))
    .limit(1);
  if (!bound) return { state: "unbound" };

  const connection = connectionOf(bound.source);
  const dataSourceName = bound.source.name;
  if ("unreadable" in connection) {
    const ratios = { window: null, "1h": null, "6h": null };
    return {
      state: "measured",
      dataSourceName,
      ratios,
      problem: "This data source's credentials cannot be read: ask an admin to enter them again.",
    };
  }
  const queries = derivePromQl(spec).errorRatio;
  const answers = await Promise.all(RANGES.map((range) => queryInstant(connection, queries[range], now)));
  const ratios = Object.fromEntries(RANGES.map((range, i) => [range, answers[i]!.ok ? answers[i]!.value.value : null])) as Record<
    (typeof RANGES)[number],
    number | null
  >;
  // No series is no traffic in that range (a ratio of nothing), not a fault: it reads "No data yet".
  const failed = answers.find((a) => !a.ok && a.problem.kind !== "empty");
  return { state: "measured", dataSourceName, ratios, problem: failed && !failed.ok ? describeProblem(failed.problem) : null };
}
