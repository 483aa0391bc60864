import { eq, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { checkIns, targets } from "@/server/db/schema/index";
import type { Db } from "@/server/db/types";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";
import { owner, targetAt } from "@/test/target-fixtures";
import { refreshTargetHealth } from "./health.stored";
import { healthOfRank } from "./health.sql";

/**
 * The stored health's version guard (health.stored.ts): a re-judgement that
 * read a target before another write came in must not store its answer over
 * that write's. The interleaving is forced: the database handle given to the
 * re-judgement runs a check-in just before the statement that stores the rank.
 */
const database = useTestDatabase();
const dialect = new PgDialect();

/** `db`, except that `beforeStore` runs (once) just before the statement that writes health_judged_at. */
function interleaved(db: Db, beforeStore: () => Promise<unknown>): Db {
  let done = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== "execute") return Reflect.get(target, prop);
      return async (query: SQL) => {
        if (!done && dialect.sqlToQuery(query).sql.includes("health_judged_at")) {
          done = true;
          await beforeStore();
        }
        return target.execute(query);
      };
    },
  });
}

async function stored(id: string) {
  const [row] = await database.current.db
    .select({ rank: targets.healthRank, version: targets.healthVersion })
    .from(targets)
    .where(eq(targets.id, id));
  return row!;
}

describe("the stored health's version guard", () => {
  it("a write between the re-judgement's read and its store wins: the row stays unknown", async () => {
    const user = await createUser(database.current.db);
    const db = database.current.db;
    const person = await owner(user);
    // A 0 → 10 metric at 6, half the time gone: on track.
    const { target, metric } = await targetAt(user, person.id, "Guarded", 6);
    expect(healthOfRank((await stored(target.id)).rank!)).toBe("on_track");

    // Judged on the value 6 (on track); meanwhile a check-in of 1 arrives (off track).
    const versionBefore = (await stored(target.id)).version;
    const racing = interleaved(db, () =>
      db.insert(checkIns).values({ orgId: user.actor.orgId, metricId: metric.id, at: new Date(), value: 1 }),
    );
    await refreshTargetHealth(racing, user.actor.orgId, [target.id]);
    const after = await stored(target.id);
    expect(after.version).toBeGreaterThan(versionBefore);
    expect(after.rank).toBeNull();

    // Judged again with nothing in between: stored, and on the newer value.
    await refreshTargetHealth(db, user.actor.orgId, [target.id]);
    expect(healthOfRank((await stored(target.id)).rank!)).toBe("off_track");
  });
});
