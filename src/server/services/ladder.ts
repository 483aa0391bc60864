import { eq } from "drizzle-orm";
import type { Db } from "../db/types";
import { users } from "../db/schema";
import type { Actor } from "./actor";
import { ALL_LEVELS, DEFAULT_LEVEL_LABELS, type LadderLabels } from "@/lib/people/ladder";
import { ladderLabelsInput, type LadderLabelsInput } from "@/lib/validators/people";

/** The levels the account renamed (the rest keep their default names). */
export async function getCustomLabels(db: Db, actor: Actor): Promise<LadderLabels> {
  const [row] = await db.select({ labels: users.ladderLabels }).from(users).where(eq(users.id, actor.userId));
  return row?.labels ?? {};
}

/** The account's names for every level (its own where renamed, the defaults elsewhere). */
export async function getLadder(db: Db, actor: Actor): Promise<Record<string, string>> {
  const custom = await getCustomLabels(db, actor);
  return Object.fromEntries(ALL_LEVELS.map((l) => [l, custom[l] ?? DEFAULT_LEVEL_LABELS[l]]));
}

/** Saves the labels; only those that differ from the defaults are stored. */
export async function updateLadder(db: Db, actor: Actor, raw: LadderLabelsInput) {
  const input = ladderLabelsInput.parse(raw);
  const custom: LadderLabels = {};
  for (const level of ALL_LEVELS) {
    if (input[level] !== DEFAULT_LEVEL_LABELS[level]) custom[level] = input[level];
  }
  await db.update(users).set({ ladderLabels: custom, updatedAt: new Date() }).where(eq(users.id, actor.userId));
  return getLadder(db, actor);
}
