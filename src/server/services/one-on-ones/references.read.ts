import type { Db } from "../../db/types";
import { growthGoals, oneOnOnes } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { loadInScope, requireReferences } from "../kernel/access";
import { AppError, fieldError } from "../kernel/errors";

/**
 * Reads: the references a 1:1 write names beyond "a row I may reach" (the
 * access kernel's check): a 1:1 or a growth goal must also be the same
 * person's as the row that names it.
 */

/** The 1:1 `oneOnOneId` names, if the actor may reach it and it is with this person. */
export async function requireMeetingWith(db: Db, actor: Actor, oneOnOneId: string, personId: string) {
  await requireReferences(db, actor, "oneOnOne", "oneOnOneId", oneOnOneId);
  const meeting = await loadInScope(db, actor, oneOnOnes, oneOnOneId, "1:1");
  if (meeting.personId !== personId) throw new AppError("BAD_REQUEST", "That 1:1 is with someone else.");
  return meeting;
}

/** The growth goal `goalId` names (none is fine), if the actor may reach it and it is this person's. */
export async function requireGoalOf(db: Db, actor: Actor, goalId: string | null | undefined, personId: string) {
  if (!goalId) return;
  await requireReferences(db, actor, "goal", "goalId", goalId);
  const goal = await loadInScope(db, actor, growthGoals, goalId, "Growth goal");
  if (goal.personId !== personId) throw fieldError("BAD_REQUEST", "goalId", "That growth goal is someone else's.");
}
