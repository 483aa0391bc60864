import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { capacityItems, capacityWeeks } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach, loadInScope } from "../kernel/access";
import { saveVersioned } from "../kernel/versioned";
import { addDays } from "@/lib/one-on-ones/days";
import type {
  addCapacityItemInput,
  capacitySettingsInput,
  removeCapacityItemInput,
  updateCapacityItemInput,
} from "@/lib/validators/capacity";

/** Writes: a week's capacity settings and its planned items (the plan itself is read in capacity.read.ts). */

export async function saveCapacitySettings(
  db: Db,
  actor: Actor,
  { weekStart, version, ...settings }: z.output<typeof capacitySettingsInput>,
) {
  return saveVersioned(db, capacityWeeks, {
    where: inReach(capacityWeeks, actor, eq(capacityWeeks.weekStart, weekStart)),
    version,
    set: { ...settings, updatedAt: new Date() },
    insert: { orgId: actor.orgId, userId: actor.userId, weekStart },
    what: "week's capacity",
  });
}

export async function addCapacityItem(db: Db, actor: Actor, input: z.output<typeof addCapacityItemInput>) {
  const [row] = await db
    .insert(capacityItems)
    .values({ orgId: actor.orgId, userId: actor.userId, ...input })
    .returning();
  return row!;
}

export async function updateCapacityItem(db: Db, actor: Actor, { id, version, ...input }: z.output<typeof updateCapacityItemInput>) {
  return saveVersioned(db, capacityItems, {
    where: inReach(capacityItems, actor, eq(capacityItems.id, id)),
    version,
    set: input,
    what: "planned item",
  });
}

/**
 * Takes an item off a week's plan. A one-off (or a recurring item that
 * starts this week) is deleted; a recurring one that started earlier ends
 * the week before, so past weeks keep it.
 */
export async function removeCapacityItem(db: Db, actor: Actor, { id, weekStart }: z.output<typeof removeCapacityItemInput>) {
  const item = await loadInScope(db, actor, capacityItems, id, "Planned item", "change");
  if (!item.recurring || item.weekStart >= weekStart) {
    await db.delete(capacityItems).where(inReach(capacityItems, actor, eq(capacityItems.id, id)));
    return { ...item, removed: "deleted" as const };
  }
  const [row] = await db
    .update(capacityItems)
    .set({ lastWeek: addDays(weekStart, -7) })
    .where(inReach(capacityItems, actor, eq(capacityItems.id, id)))
    .returning();
  return { ...row!, removed: "ended" as const };
}
