import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { growthGoals } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { saveVersioned } from "../kernel/versioned";
import { requireReport } from "./references.read";
import type { addGoalInput, updateGoalInput } from "@/lib/validators/one-on-ones";

/** Writes: growth goals, by the person's current manager (their reads are in views.read.ts). */

export async function addGrowthGoal(db: Db, actor: Actor, input: z.output<typeof addGoalInput>) {
  await requireReport(db, actor, input.personId);
  const [row] = await db
    .insert(growthGoals)
    .values({ orgId: actor.orgId, ...input })
    .returning();
  return row!;
}

export async function updateGrowthGoal(db: Db, actor: Actor, { id, version, ...input }: z.output<typeof updateGoalInput>) {
  return saveVersioned(db, growthGoals, {
    where: inReach(growthGoals, actor, eq(growthGoals.id, id)),
    version,
    set: { ...input, updatedAt: new Date() },
    what: "growth goal",
  });
}

/** Deletes a goal; notes linked to it stay, unlinked. */
export async function deleteGrowthGoal(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(growthGoals)
    .where(inReach(growthGoals, actor, eq(growthGoals.id, id)))
    .returning();
  if (!row) throw notFound("Growth goal");
  return row;
}
