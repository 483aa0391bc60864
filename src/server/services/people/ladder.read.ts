import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { organisations } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { ladderNames, type LadderLabels } from "@/lib/people/ladder";

// The ladder's level names: the reads. Saving them is in ladder.write.ts.

async function customLabels(db: Db, actor: Actor) {
  const [row] = await db
    .select({ labels: organisations.ladderLabels, version: organisations.ladderVersion })
    .from(organisations)
    .where(eq(organisations.id, actor.orgId));
  return { custom: row?.labels ?? {}, version: row?.version ?? 1 };
}

/** The levels the organisation renamed (the rest keep their default names). */
export async function getCustomLabels(db: Db, actor: Actor): Promise<LadderLabels> {
  return (await customLabels(db, actor)).custom;
}

/** The organisation's names for every level (its own where renamed, the defaults elsewhere), and their version for the form. */
export async function getLadder(db: Db, actor: Actor): Promise<{ labels: Record<string, string>; version: number }> {
  const { custom, version } = await customLabels(db, actor);
  return { labels: ladderNames(custom), version };
}
