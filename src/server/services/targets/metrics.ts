import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { checkIns, metrics } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, notFound } from "../kernel/errors";
import { ownedBy } from "../kernel/scope";
import { saveVersioned } from "../kernel/versioned";
import { getOwnedTarget } from "./targets";
import { parseCheckInLines } from "@/lib/targets/bulk-check-ins";
import {
  addCheckInInput,
  bulkCheckInInput,
  createMetricInput,
  setMilestoneInput,
  updateCheckInInput,
  updateMetricInput,
  type AddCheckInInput,
  type CreateMetricInput,
  type UpdateMetricInput,
} from "@/lib/validators/targets";
import type { z } from "zod";

function columnsOf(v: z.output<typeof createMetricInput> | Omit<z.output<typeof updateMetricInput>, "id" | "version">) {
  const milestone = v.kind === "milestone";
  const band = v.direction === "band";
  return {
    name: v.name,
    kind: v.kind,
    unit: milestone ? null : v.unit,
    direction: milestone ? null : v.direction,
    baseline: milestone || band ? null : v.baseline,
    goal: milestone || band ? null : v.goal,
    bandLow: band ? v.bandLow : null,
    bandHigh: band ? v.bandHigh : null,
    warning: milestone ? null : v.warning,
  };
}

export async function getOwnedMetric(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(metrics).where(ownedBy(metrics, actor, eq(metrics.id, id))).limit(1);
  if (!row) throw notFound("Metric");
  return row;
}

export async function createMetric(db: Db, actor: Actor, raw: CreateMetricInput) {
  const input = createMetricInput.parse(raw);
  await getOwnedTarget(db, actor, input.targetId);
  const [row] = await db
    .insert(metrics)
    .values({
      ownerId: actor.userId,
      targetId: input.targetId,
      ...columnsOf(input),
      position: sql`(select coalesce(max(position), -1) + 1 from ${metrics} where target_id = ${input.targetId})`,
    })
    .returning();
  return row!;
}

export async function updateMetric(db: Db, actor: Actor, raw: UpdateMetricInput) {
  const { id, version, ...input } = updateMetricInput.parse(raw);
  return saveVersioned(db, metrics, { where: ownedBy(metrics, actor, eq(metrics.id, id)), version, set: columnsOf(input), what: "metric" });
}

export async function setMilestoneDone(db: Db, actor: Actor, raw: z.input<typeof setMilestoneInput>) {
  const { id, done } = setMilestoneInput.parse(raw);
  const metric = await getOwnedMetric(db, actor, id);
  if (metric.kind !== "milestone") throw new AppError("BAD_REQUEST", "Only a milestone is marked done.");
  const [row] = await db.update(metrics).set({ done }).where(ownedBy(metrics, actor, eq(metrics.id, id))).returning();
  return row!;
}

export async function deleteMetric(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(metrics).where(ownedBy(metrics, actor, eq(metrics.id, id))).returning();
  if (!row) throw notFound("Metric");
  return row;
}

async function numberMetric(db: Db, actor: Actor, id: string) {
  const metric = await getOwnedMetric(db, actor, id);
  if (metric.kind === "milestone") throw new AppError("BAD_REQUEST", "A milestone has no values: mark it done instead.");
  return metric;
}

/** Adds a check-in; used by the app and by the REST API alike. */
export async function addCheckIn(db: Db, actor: Actor, raw: AddCheckInInput) {
  const input = addCheckInInput.parse(raw);
  await numberMetric(db, actor, input.metricId);
  const [row] = await db
    .insert(checkIns)
    .values({ ownerId: actor.userId, metricId: input.metricId, at: input.at ?? new Date(), value: input.value, note: input.note })
    .returning();
  return row!;
}

export async function updateCheckIn(db: Db, actor: Actor, raw: z.input<typeof updateCheckInInput>) {
  const { id, version, ...input } = updateCheckInInput.parse(raw);
  return saveVersioned(db, checkIns, { where: ownedBy(checkIns, actor, eq(checkIns.id, id)), version, set: input, what: "check-in" });
}

export async function deleteCheckIn(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(checkIns).where(ownedBy(checkIns, actor, eq(checkIns.id, id))).returning();
  if (!row) throw notFound("Check-in");
  return row;
}

/** Pasted "date,value" lines: all saved in one statement, or none when any line is wrong. */
export async function addCheckInsInBulk(db: Db, actor: Actor, raw: z.input<typeof bulkCheckInInput>) {
  const { metricId, text } = bulkCheckInInput.parse(raw);
  await numberMetric(db, actor, metricId);
  const parsed = parseCheckInLines(text);
  if (parsed.errors.length) {
    const first = parsed.errors[0]!;
    throw new AppError("BAD_REQUEST", `Line ${first.line}: ${first.message} Nothing was added.`, {
      text: parsed.errors.slice(0, 5).map((e) => `Line ${e.line}: ${e.message}`).join(" "),
    });
  }
  if (parsed.rows.length === 0) throw new AppError("BAD_REQUEST", "No lines to add.", { text: "Paste lines like 2026-03-31,99.95." });
  await db.insert(checkIns).values(parsed.rows.map((r) => ({ ownerId: actor.userId, metricId, at: r.at, value: r.value, note: r.note })));
  return { added: parsed.rows.length };
}
