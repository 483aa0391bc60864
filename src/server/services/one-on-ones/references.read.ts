import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { growthGoals, oneOnOnes, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope, mayBookOneOnOne, myReport, oneOnOneSide, requireReferences } from "../kernel/access";
import type { Intent } from "../kernel/access";
import { AppError, fieldError } from "../kernel/errors";

/**
 * Reads: the references a 1:1 write names beyond "a row I may reach" (the
 * access kernel's check): the person must be the actor's direct report, and a
 * 1:1 or a growth goal must also be the same person's as the row that names it.
 */

/**
 * The person a 1:1 write is for: the actor's direct report (the policy's
 * `myReport`), active. Anyone else, including someone further down the actor's
 * subtree, answers NOT_FOUND next to the field, as a missing id does: 1:1s are
 * between a person and their current manager (policy.ts).
 */
export async function requireReport(db: Db, actor: Actor, personId: string, field = "personId") {
  const [person] = await db
    .select({ id: people.id, archivedAt: people.archivedAt })
    .from(people)
    .where(inScope(people, actor, eq(people.id, personId), myReport(actor, people.id)))
    .limit(1);
  if (!person) throw fieldError("NOT_FOUND", field, "That person is not one of your reports.");
  if (person.archivedAt) throw fieldError("BAD_REQUEST", field, "That person is archived.");
  return person;
}

/**
 * The person a point or a note is written for: one whose 1:1s the actor is a
 * side of (policy.ts `oneOnOneSide`: the person themself, or their current
 * manager), active. Anyone else answers NOT_FOUND as a missing id.
 */
export async function requireSide(db: Db, actor: Actor, personId: string, field = "personId") {
  const [person] = await db
    .select({ id: people.id, archivedAt: people.archivedAt, managerId: people.managerId })
    .from(people)
    .where(inScope(people, actor, eq(people.id, personId), oneOnOneSide(actor, people.id)))
    .limit(1);
  if (!person) throw fieldError("NOT_FOUND", field, "That person is not one of your reports.");
  if (person.archivedAt) throw fieldError("BAD_REQUEST", field, "That person is archived.");
  return { ...person, isSelf: person.id === actor.personId };
}

/**
 * The person a 1:1 is booked for (policy.ts `mayBookOneOnOne`): the actor's
 * report, or the actor themself (then with their manager), active.
 */
export async function requireBookable(db: Db, actor: Actor, personId: string, field = "personId") {
  const [person] = await db
    .select({ id: people.id, archivedAt: people.archivedAt, managerId: people.managerId })
    .from(people)
    .where(inScope(people, actor, eq(people.id, personId), mayBookOneOnOne(actor, people.id)))
    .limit(1);
  if (!person) throw fieldError("NOT_FOUND", field, "That person is not one of your reports.");
  if (person.archivedAt) throw fieldError("BAD_REQUEST", field, "That person is archived.");
  return { ...person, isSelf: person.id === actor.personId };
}

/**
 * The 1:1 `oneOnOneId` names, if it is with this person and the actor may
 * change it (`intent` "change": the manager's writes on the meeting) or, for
 * what either side writes in it (points, notes), see it.
 */
export async function requireMeetingWith(db: Db, actor: Actor, oneOnOneId: string, personId: string, intent: Intent = "change") {
  await requireReferences(db, actor, "oneOnOne", "oneOnOneId", oneOnOneId, { intent });
  const meeting = await loadInScope(db, actor, oneOnOnes, oneOnOneId, "1:1", intent);
  if (meeting.personId !== personId) throw new AppError("BAD_REQUEST", "That 1:1 is with someone else.");
  return meeting;
}

/** The growth goal `goalId` names (none is fine), if the actor may reach it and it is this person's. */
export async function requireGoalOf(db: Db, actor: Actor, goalId: string | null | undefined, personId: string) {
  if (!goalId) return;
  // A note names a goal of the person's that the actor sees: the report links their own notes to their goals too.
  await requireReferences(db, actor, "goal", "goalId", goalId);
  const goal = await loadInScope(db, actor, growthGoals, goalId, "Growth goal");
  if (goal.personId !== personId) throw fieldError("BAD_REQUEST", "goalId", "That growth goal is someone else's.");
}
