import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "./actor";

/**
 * The one way a service scopes a query to its owner: every domain table has
 * an `ownerId`, and every read or write of it goes through here.
 */
export function ownedBy(table: { ownerId: PgColumn }, actor: Actor, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.ownerId, actor.userId), ...conditions)!;
}
