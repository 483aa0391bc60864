import { asc, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope } from "../kernel/access";
import { matchKeySql } from "../kernel/match-key";
import { MAX_SIMILAR, worthMatching } from "@/lib/duplicates/match-key";
import type { findSimilarTargetsInput } from "@/lib/validators/targets";

export type SimilarTarget = { id: string; title: string; status: (typeof targets.$inferSelect)["status"]; dueDate: string };

/**
 * Targets the actor can see with the title being typed (as matchKey compares
 * titles: case, accents and spacing set aside), for a soft "you already have
 * this target" warning. Only targets the policy lets the actor see (`inScope`):
 * a look-alike controlled elsewhere and not shared is never named. Open ones
 * first (draft, active), then the newest. One query, at most MAX_SIMILAR rows.
 */
export async function findSimilarTargets(db: Db, actor: Actor, input: z.output<typeof findSimilarTargetsInput>): Promise<SimilarTarget[]> {
  if (input.excludeId) await loadInScope(db, actor, targets, input.excludeId, "Target");
  if (!worthMatching(input.title)) return [];
  return db
    .select({ id: targets.id, title: targets.title, status: targets.status, dueDate: targets.dueDate })
    .from(targets)
    .where(
      inScope(
        targets,
        actor,
        sql`${matchKeySql(targets.title)} = ${matchKeySql(input.title)}`,
        input.excludeId ? ne(targets.id, input.excludeId) : undefined,
      ),
    )
    .orderBy(sql`${targets.status} not in ('draft', 'active')`, sql`${targets.dueDate} desc`, asc(targets.id))
    .limit(MAX_SIMILAR);
}
