import { and, eq, type SQL } from "drizzle-orm";
import { oneOnOnes, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";

// The 1:1s an actor held, from the manager's side: the 1:1s page's former
// people and Home's "held this week" read them joined to their person.

/** A 1:1's person (in the 1:1's organisation), to join for the name or to leave out archived people. */
export const personOfOneOnOne = and(eq(people.id, oneOnOnes.personId), eq(people.orgId, oneOnOnes.orgId))!;

/**
 * The `where` of the 1:1s the actor held as the manager (status "held"),
 * through the policy, narrowed by `conditions`: the index on the holder
 * (org_id, manager_person_id) answers it, so what it reads grows with the
 * actor's own history, not with the organisation.
 */
export function heldOneOnOnesOf(actor: Actor, ...conditions: (SQL | undefined)[]): SQL {
  return inScope(oneOnOnes, actor, eq(oneOnOnes.managerPersonId, actor.personId), eq(oneOnOnes.status, "held"), ...conditions);
}
