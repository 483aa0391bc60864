import { notify } from "../inbox/notify.write";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { checkIns, metrics } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, fieldError, notFound } from "../kernel/errors";
import { checkInTarget, inReach, inScope, requireReferences } from "../kernel/access";
import { saveVersioned } from "../kernel/versioned";
import { parseCheckInLines } from "@/lib/targets/bulk-check-ins";
import { metricColumns } from "@/lib/targets/metric-columns";
import { valueMisfit } from "@/lib/validators/targets";
import type {
  addCheckInInput,
  bulkCheckInInput,
  createMetricInput,
  setMilestoneInput,
  updateCheckInInput,
  updateMetricInput,
} from "@/lib/validators/targets";
import type { z } from "zod";
import { refreshMetricsHealth, rejudgeAfterWrite } from "./health.stored";

// Targets: the writes of metrics and their check-ins (the app's and the REST API's).
// Metrics are read with their target, in targets.read.ts.

export async function createMetric(db: Db, actor: Actor, input: z.output<typeof createMetricInput>) {
  // The metrics are the target's definition: its controller's.
  await requireReferences(db, actor, "target", "targetId", input.targetId, { intent: "change" });
  const [row] = await db
    .insert(metrics)
    .values({
      orgId: actor.orgId,
      targetId: input.targetId,
      ...metricColumns(input),
      position: sql`(select coalesce(max(position), -1) + 1 from ${metrics} where org_id = ${actor.orgId} and target_id = ${input.targetId})`,
    })
    .returning();
  // Each write of a metric or a check-in makes its target's stored health unknown (a trigger): judged again at once.
  await rejudgeAfterWrite(db, actor.orgId, { targetIds: [row!.targetId] });
  return row!;
}

export async function updateMetric(db: Db, actor: Actor, { id, version, ...input }: z.output<typeof updateMetricInput>) {
  const row = await saveVersioned(db, metrics, {
    where: inReach(metrics, actor, eq(metrics.id, id)),
    version,
    set: metricColumns(input),
    what: "metric",
  });
  await rejudgeAfterWrite(db, actor.orgId, { targetIds: [row.targetId] });
  return row;
}

export async function setMilestoneDone(db: Db, actor: Actor, { id, done }: z.output<typeof setMilestoneInput>) {
  // Marking a milestone reached is a check-in: the controller's and the owners' (checkInTarget), not only the definition's owner.
  const mayCheckIn = checkInTarget(actor, metrics.targetId);
  const [metric] = await db
    .select()
    .from(metrics)
    .where(inScope(metrics, actor, eq(metrics.id, id), mayCheckIn))
    .limit(1);
  if (!metric) throw notFound("Metric");
  if (metric.kind !== "milestone") throw new AppError("BAD_REQUEST", "Only a milestone is marked done.");
  const [row] = await db
    .update(metrics)
    .set({ done })
    .where(inScope(metrics, actor, eq(metrics.id, id), mayCheckIn))
    .returning();
  await rejudgeAfterWrite(db, actor.orgId, { targetIds: [row!.targetId] });
  return row!;
}

export async function deleteMetric(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(metrics)
    .where(inReach(metrics, actor, eq(metrics.id, id)))
    .returning();
  if (!row) throw notFound("Metric");
  await rejudgeAfterWrite(db, actor.orgId, { targetIds: [row.targetId] });
  return row;
}

/** A metric the actor may check in on (its target's controller or an owner: see checkInTarget in the policy), with values. */
async function numberMetric(db: Db, actor: Actor, id: string) {
  const [metric] = await db
    .select()
    .from(metrics)
    .where(inScope(metrics, actor, eq(metrics.id, id), checkInTarget(actor, metrics.targetId)))
    .limit(1);
  if (!metric) throw notFound("Metric");
  if (metric.kind === "milestone") throw new AppError("BAD_REQUEST", "A milestone has no values: mark it done instead.");
  return metric;
}

/** Adds a check-in; used by the app and by the REST API alike. */
export async function addCheckIn(db: Db, actor: Actor, input: z.output<typeof addCheckInInput>) {
  const metric = await numberMetric(db, actor, input.metricId);
  const misfit = valueMisfit(input.value, metric.unit);
  if (misfit) throw fieldError("BAD_REQUEST", "value", misfit);
  const [row] = await db
    .insert(checkIns)
    .values({ orgId: actor.orgId, metricId: input.metricId, at: input.at ?? new Date(), value: input.value, note: input.note })
    .returning();
  await rejudgeAfterWrite(db, actor.orgId, { targetIds: [metric.targetId] });
  // The other owners' inbox item, after the check-in and outside a transaction: this is the REST
  // push path, which must ride out a database restart on single statements (bench/db-restart.ts),
  // and a stored check-in is never answered as failed (a client would send it twice).
  await notify(db, actor, { kind: "check_in", metricId: input.metricId, value: input.value }).catch((error: unknown) =>
    console.error("The inbox item for a check-in was not written:", error),
  );
  return row!;
}

export async function updateCheckIn(db: Db, actor: Actor, { id, version, ...input }: z.output<typeof updateCheckInInput>) {
  const row = await saveVersioned(db, checkIns, {
    where: inReach(checkIns, actor, eq(checkIns.id, id)),
    version,
    set: input,
    what: "check-in",
  });
  await rejudgeAfterWrite(db, actor.orgId, { metricIds: [row.metricId] });
  return row;
}

export async function deleteCheckIn(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(checkIns)
    .where(inReach(checkIns, actor, eq(checkIns.id, id)))
    .returning();
  if (!row) throw notFound("Check-in");
  await rejudgeAfterWrite(db, actor.orgId, { metricIds: [row.metricId] });
  return row;
}

/** Pasted "date,value" lines: all saved in one statement, or none when any line is wrong. */
export async function addCheckInsInBulk(db: Db, actor: Actor, { metricId, text }: z.output<typeof bulkCheckInInput>) {
  const metric = await numberMetric(db, actor, metricId);
  const parsed = parseCheckInLines(text);
  if (parsed.errors.length) {
    const first = parsed.errors[0]!;
    throw new AppError("BAD_REQUEST", `Line ${first.line}: ${first.message} Nothing was added.`, {
      text: parsed.errors
        .slice(0, 5)
        .map((e) => `Line ${e.line}: ${e.message}`)
        .join(" "),
    });
  }
  if (parsed.rows.length === 0) throw new AppError("BAD_REQUEST", "No lines to add.", { text: "Paste lines like 2026-03-31,99.95." });
  const misfit = parsed.rows.find((r) => valueMisfit(r.value, metric.unit));
  if (misfit) {
    const message = `Line ${misfit.line}: ${valueMisfit(misfit.value, metric.unit)} Nothing was added.`;
    throw new AppError("BAD_REQUEST", message, { text: message });
  }
  await db.transaction(async (tx) => {
    await tx.insert(checkIns).values(parsed.rows.map((r) => ({ orgId: actor.orgId, metricId, at: r.at, value: r.value, note: r.note })));
    await refreshMetricsHealth(tx, actor.orgId, [metricId]);
    // One inbox item for the batch, with its latest value.
    await notify(tx, actor, { kind: "check_in", metricId, value: parsed.rows.reduce((a, b) => (b.at > a.at ? b : a)).value });
  });
  return { added: parsed.rows.length };
}
