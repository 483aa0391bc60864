import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { growthGoals } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { requireActivePerson } from "./meetings";
import { ownedBy } from "../kernel/scope";
import { saveVersioned } from "../kernel/versioned";
import { addGoalInput, updateGoalInput } from "@/lib/validators/one-on-ones";

export async function addGrowthGoal(db: Db, actor: Actor, raw: z.input<typeof addGoalInput>) {
  const input = addGoalInput.parse(raw);
  await requireActivePerson(db, actor, input.personId);
  const [row] = await db.insert(growthGoals).values({ ownerId: actor.userId, ...input }).returning();
  return row!;
}

export async function updateGrowthGoal(db: Db, actor: Actor, raw: z.input<typeof updateGoalInput>) {
  const { id, version, ...input } = updateGoalInput.parse(raw);
  return saveVersioned(db, growthGoals, { where: ownedBy(growthGoals, actor, eq(growthGoals.id, id)), version, set: { ...input, updatedAt: new Date() }, what: "growth goal" });
}

/** Deletes a goal; notes linked to it stay, unlinked. */
export async function deleteGrowthGoal(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(growthGoals).where(ownedBy(growthGoals, actor, eq(growthGoals.id, id))).returning();
  if (!row) throw notFound("Growth goal");
  return row;
}
