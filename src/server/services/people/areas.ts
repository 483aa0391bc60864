import { asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/types";
import { areas, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { isUniqueViolation } from "../kernel/db-errors";
import { fieldError, notFound } from "../kernel/errors";
import { ownedBy } from "../kernel/scope";
import { createAreaInput, updateAreaInput, type CreateAreaInput, type UpdateAreaInput } from "@/lib/validators/people";

const NAME_TAKEN = "You already have an area with this name.";

/** The pair must be this owner's active people: the EM on the manager track, the IC on the IC track. */
async function checkPair(db: Db, actor: Actor, emPersonId: string | null, icPersonId: string | null) {
  const ids = [emPersonId, icPersonId].filter((v): v is string => v !== null);
  if (ids.length === 0) return;
  const found = await db
    .select({ id: people.id, track: people.track, archivedAt: people.archivedAt })
    .from(people)
    .where(ownedBy(people, actor, inArray(people.id, ids)));
  const check = (field: "emPersonId" | "icPersonId", id: string | null, track: "manager" | "ic") => {
    if (!id) return;
    const person = found.find((p) => p.id === id);
    if (!person) throw fieldError("NOT_FOUND", field, "That person is not in your organisation.");
    if (person.archivedAt) throw fieldError("BAD_REQUEST", field, "That person is archived.");
    if (person.track !== track) {
      throw fieldError(
        "BAD_REQUEST",
        field,
        track === "manager" ? "The EM of a pair must be on the manager track." : "The senior IC of a pair must be on the IC track.",
      );
    }
  };
  check("emPersonId", emPersonId, "manager");
  check("icPersonId", icPersonId, "ic");
}

export async function createArea(db: Db, actor: Actor, raw: CreateAreaInput) {
  const input = createAreaInput.parse(raw);
  await checkPair(db, actor, input.emPersonId, input.icPersonId);
  try {
    const [row] = await db.insert(areas).values({ ownerId: actor.userId, ...input }).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "name", NAME_TAKEN);
    throw error;
  }
}

export async function updateArea(db: Db, actor: Actor, raw: UpdateAreaInput) {
  const { id, ...input } = updateAreaInput.parse(raw);
  await getArea(db, actor, id);
  await checkPair(db, actor, input.emPersonId, input.icPersonId);
  try {
    const [row] = await db
      .update(areas)
      .set({ ...input, updatedAt: new Date() })
      .where(ownedBy(areas, actor, eq(areas.id, id)))
      .returning();
    if (!row) throw notFound("Area");
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "name", NAME_TAKEN);
    throw error;
  }
}

export async function deleteArea(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(areas).where(ownedBy(areas, actor, eq(areas.id, id))).returning();
  if (!row) throw notFound("Area");
  return row;
}

async function getArea(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(areas).where(ownedBy(areas, actor, eq(areas.id, id))).limit(1);
  if (!row) throw notFound("Area");
  return row;
}

const personBrief = { id: people.id, name: people.name, title: people.title, track: people.track, level: people.level, archivedAt: people.archivedAt };

/** Areas with their EM and IC (two queries, whatever the number of areas). */
export async function listAreas(db: Db, actor: Actor) {
  const [rows, pairPeople] = await Promise.all([
    db.select().from(areas).where(ownedBy(areas, actor)).orderBy(asc(areas.name)),
    db.select(personBrief).from(people).where(ownedBy(people, actor, isNull(people.archivedAt))),
  ]);
  const byId = new Map(pairPeople.map((p) => [p.id, p]));
  return rows.map((a) => ({
    ...a,
    em: a.emPersonId ? (byId.get(a.emPersonId) ?? null) : null,
    ic: a.icPersonId ? (byId.get(a.icPersonId) ?? null) : null,
  }));
}

export async function getAreaDetail(db: Db, actor: Actor, id: string) {
  const area = await getArea(db, actor, id);
  const ids = [area.emPersonId, area.icPersonId].filter((v): v is string => v !== null);
  const pair = ids.length ? await db.select(personBrief).from(people).where(ownedBy(people, actor, inArray(people.id, ids))) : [];
  return {
    ...area,
    em: pair.find((p) => p.id === area.emPersonId) ?? null,
    ic: pair.find((p) => p.id === area.icPersonId) ?? null,
  };
}
