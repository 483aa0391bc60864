import { asc, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/types";
import { areas, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope } from "../kernel/access";

// Areas: the reads (the list with each area's pair, an area's page). The writes are in areas.write.ts.

const personBrief = {
  id: people.id,
  name: people.name,
  title: people.title,
  track: people.track,
  level: people.level,
  archivedAt: people.archivedAt,
};

/** Areas with their EM and IC (two queries, whatever the number of areas). */
export async function listAreas(db: Db, actor: Actor) {
  const [rows, pairPeople] = await Promise.all([
    db.select().from(areas).where(inScope(areas, actor)).orderBy(asc(areas.name)),
    db
      .select(personBrief)
      .from(people)
      .where(inScope(people, actor, isNull(people.archivedAt))),
  ]);
  const byId = new Map(pairPeople.map((p) => [p.id, p]));
  return rows.map((a) => ({
    ...a,
    em: a.emPersonId ? (byId.get(a.emPersonId) ?? null) : null,
    ic: a.icPersonId ? (byId.get(a.icPersonId) ?? null) : null,
  }));
}

export async function getAreaDetail(db: Db, actor: Actor, id: string) {
  const area = await loadInScope(db, actor, areas, id, "Area");
  const ids = [area.emPersonId, area.icPersonId].filter((v): v is string => v !== null);
  const pair = ids.length
    ? await db
        .select(personBrief)
        .from(people)
        .where(inScope(people, actor, inArray(people.id, ids)))
    : [];
  return {
    ...area,
    em: pair.find((p) => p.id === area.emPersonId) ?? null,
    ic: pair.find((p) => p.id === area.icPersonId) ?? null,
  };
}
