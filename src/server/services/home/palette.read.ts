import { asc, isNull } from "drizzle-orm";
import type { Db } from "../../db/types";
import { areas, people, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";

/** What the command palette can jump to: active people, targets and areas. Three queries. */
export async function paletteEntries(db: Db, actor: Actor) {
  const [peopleRows, targetRows, areaRows] = await Promise.all([
    db
      .select({ id: people.id, name: people.name, track: people.track, title: people.title })
      .from(people)
      .where(inScope(people, actor, isNull(people.archivedAt)))
      .orderBy(asc(people.name)),
    db
      .select({ id: targets.id, title: targets.title, status: targets.status })
      .from(targets)
      .where(inScope(targets, actor))
      .orderBy(asc(targets.title)),
    db.select({ id: areas.id, name: areas.name }).from(areas).where(inScope(areas, actor)).orderBy(asc(areas.name)),
  ]);
  return { people: peopleRows, targets: targetRows, areas: areaRows };
}
