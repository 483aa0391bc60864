import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { organisations } from "../../db/schema/index";
import { requireAdmin } from "../kernel/access";
import type { Actor } from "../kernel/actor";
import { ladderNames, renamedLevels } from "@/lib/people/ladder";
import type { updateLadderInput } from "@/lib/validators/people";
import type { z } from "zod";
import { saveVersioned } from "../kernel/versioned";

// The ladder's level names: saving them. The reads are in ladder.read.ts.

/** Saves the labels (an organisation setting: admins only); only those that differ from the defaults are stored. */
export async function updateLadder(db: Db, actor: Actor, { version, ...names }: z.output<typeof updateLadderInput>) {
  requireAdmin(actor);
  const custom = renamedLevels(names);
  const row = await saveVersioned(db, organisations, {
    where: eq(organisations.id, actor.orgId),
    version,
    column: "ladderVersion",
    set: { ladderLabels: custom, updatedAt: new Date() },
    what: "set of level names",
  });
  return { labels: ladderNames(row.ladderLabels), version: row.ladderVersion };
}
