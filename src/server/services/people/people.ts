import type { Db } from "../../db/types";
import { people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { loadInScope } from "../kernel/access";
import type { Person } from "./people.read";

/**
 * @deprecated Kept while one-on-ones and demo import from here: use
 * `loadInScope(db, actor, people, id, "Person")` (kernel/access.ts) and
 * `countPeople` from ./people.read. Delete once nothing imports this file.
 */
export function getOwnedPerson(db: Db, actor: Actor, id: string): Promise<Person> {
  return loadInScope(db, actor, people, id, "Person");
}

/** @deprecated import it from ./people.read. */
export { countPeople } from "./people.read";
