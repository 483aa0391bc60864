import { sql, type AnyColumn } from "drizzle-orm";
import type { Db } from "../../db/types";
import type { Actor } from "./actor";

/**
 * Queries built once and run many times (Drizzle's `.prepare()`), for the hot
 * pages. Drizzle otherwise builds the SQL text of every query on every call:
 * walking the query's tree, the policy's conditions included, costs about a
 * tenth of a millisecond a statement, paid on every request. (The statement
 * is also prepared server-side on PostgreSQL, as every query is: see
 * db/prepare-all.ts.)
 *
 * A query is built with a stand-in actor whose ids are placeholders, so the
 * policy's conditions (kernel/access.ts, policy.ts) are the same ones every
 * other read uses; `actorValues` fills them in at execution. What changes the
 * SQL's shape rather than its values is the key: the actor's role (some
 * rules differ for an admin) and the caller's own `shape` (a condition
 * present or not). One built query per database handle (a transaction is a
 * handle of its own), shape and name.
 */

type Runnable = { execute: (values?: Record<string, unknown>) => Promise<unknown> };

const built = new WeakMap<Db, Map<string, Runnable>>();

/** A request's value in a query built once: a placeholder, typed as the value it stands for. */
export const standIn = <T>(name: string) => sql.placeholder(name) as unknown as T;

/**
 * A column equal to one of the ids in the array placeholder `name`: the
 * prepared form of `inArray` for a list whose length varies per request (a
 * page's targets), one parameter whatever its length. Uses the same indexes.
 */
export const oneOfIds = (column: AnyColumn, name: string) => sql`${column} = any(${sql.placeholder(name)}::uuid[])`;

/** The actor as placeholders, with the role (which changes some rules' shape) kept as is. */
function placeholderActor(role: Actor["role"]): Actor {
  return {
    userId: standIn("actorUserId"),
    sessionId: "",
    orgId: standIn("actorOrgId"),
    personId: standIn("actorPersonId"),
    role,
  };
}

/** The values of the stand-in actor's placeholders, for `execute`. */
export function actorValues(actor: Actor) {
  return { actorUserId: actor.userId, actorOrgId: actor.orgId, actorPersonId: actor.personId };
}

/**
 * The query `name` for this database, actor's role and `shape`, built (and
 * prepared) the first time it is asked for. `build` gets the stand-in actor:
 * it must put every per-request value in a `sql.placeholder`, never a value
 * of this request (it would be frozen into every later one), and prepare
 * with the name it is given (unique per key).
 */
export function preparedFor<Q extends Runnable>(
  db: Db,
  actor: Actor,
  name: string,
  shape: string,
  build: (actor: Actor, name: string) => Q,
): Q {
  let queries = built.get(db);
  if (!queries) built.set(db, (queries = new Map()));
  const key = `${name}_${actor.role}_${shape}`;
  let query = queries.get(key);
  if (!query) queries.set(key, (query = build(placeholderActor(actor.role), key)));
  return query as Q;
}
