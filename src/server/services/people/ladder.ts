import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { users } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { ALL_LEVELS, DEFAULT_LEVEL_LABELS, type LadderLabels } from "@/lib/people/ladder";
import { updateLadderInput, type UpdateLadderInput } from "@/lib/validators/people";
import { saveVersioned } from "../kernel/versioned";

async function customLabels(db: Db, actor: Actor) {
  const [row] = await db.select({ labels: users.ladderLabels, version: users.ladderVersion }).from(users).where(eq(users.id, actor.userId));
  return { custom: row?.labels ?? {}, version: row?.version ?? 1 };
}

/** The levels the account renamed (the rest keep their default names). */
export async function getCustomLabels(db: Db, actor: Actor): Promise<LadderLabels> {
  return (await customLabels(db, actor)).custom;
}

function allLabels(custom: LadderLabels): Record<string, string> {
  return Object.fromEntries(ALL_LEVELS.map((l) => [l, custom[l] ?? DEFAULT_LEVEL_LABELS[l]]));
}

/** The account's names for every level (its own where renamed, the defaults elsewhere), and their version for the form. */
export async function getLadder(db: Db, actor: Actor): Promise<{ labels: Record<string, string>; version: number }> {
  const { custom, version } = await customLabels(db, actor);
  return { labels: allLabels(custom), version };
}

/** Saves the labels; only those that differ from the defaults are stored. */
export async function updateLadder(db: Db, actor: Actor, raw: UpdateLadderInput) {
  const { version, ...input } = updateLadderInput.parse(raw);
  const custom: LadderLabels = {};
  for (const level of ALL_LEVELS) {
    if (input[level] !== DEFAULT_LEVEL_LABELS[level]) custom[level] = input[level];
  }
  const row = await saveVersioned(db, users, { where: eq(users.id, actor.userId), version, column: "ladderVersion", set: { ladderLabels: custom, updatedAt: new Date() }, what: "set of level names" });
  return { labels: allLabels(row.ladderLabels), version: row.ladderVersion };
}
