import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/types";
import { areas, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { isUniqueViolation } from "../kernel/db-errors";
import { fieldError, notFound } from "../kernel/errors";
import { inReach, inScope, loadInScope, requireReferences } from "../kernel/access";
import type { createAreaInput, updateAreaInput } from "@/lib/validators/people";
import type { z } from "zod";

// Areas: the writes (create, edit, delete). The reads are in areas.read.ts.

const NAME_TAKEN = "You already have an area with this name.";

/**
 * The pair must be active people the actor may place (below them in the chart,
 * anyone for an admin: the "manager" reach), so that the area stays theirs to
 * change; the EM on the manager track, the IC on the IC track.
 */
async function checkPair(
  db: Db,
  actor: Actor,
  emPersonId: string | null,
  icPersonId: string | null,
  current?: { emPersonId: string | null; icPersonId: string | null },
) {
  // A half of the pair that stays as it is needs no reach: a manager above one half may edit an area whose other half is elsewhere.
  if (emPersonId !== current?.emPersonId) await requireReferences(db, actor, "below", "emPersonId", emPersonId);
  if (icPersonId !== current?.icPersonId) await requireReferences(db, actor, "below", "icPersonId", icPersonId);
  if (actor.role !== "admin" && !emPersonId && !icPersonId) {
    // Without a pair, an area is the admins' alone: a manager would make one they could not change.
    throw fieldError("BAD_REQUEST", "emPersonId", "Choose the area's EM or senior IC.");
  }
  const ids = [emPersonId, icPersonId].filter((v): v is string => v !== null);
  if (ids.length === 0) return;
  const found = await db
    .select({ id: people.id, track: people.track })
    .from(people)
    .where(inScope(people, actor, inArray(people.id, ids)));
  const check = (field: "emPersonId" | "icPersonId", id: string | null, track: "manager" | "ic") => {
    if (id && found.find((p) => p.id === id)?.track !== track) {
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

export async function createArea(db: Db, actor: Actor, input: z.output<typeof createAreaInput>) {
  await checkPair(db, actor, input.emPersonId, input.icPersonId);
  try {
    const [row] = await db
      .insert(areas)
      .values({ orgId: actor.orgId, ...input })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "name", NAME_TAKEN);
    throw error;
  }
}

export async function updateArea(db: Db, actor: Actor, { id, ...input }: z.output<typeof updateAreaInput>) {
  const current = await loadInScope(db, actor, areas, id, "Area", "change");
  await checkPair(db, actor, input.emPersonId, input.icPersonId, current);
  try {
    const [row] = await db
      .update(areas)
      .set({ ...input, updatedAt: new Date() })
      .where(inReach(areas, actor, eq(areas.id, id)))
      .returning();
    if (!row) throw notFound("Area");
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "name", NAME_TAKEN);
    throw error;
  }
}

export async function deleteArea(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(areas)
    .where(inReach(areas, actor, eq(areas.id, id)))
    .returning();
  if (!row) throw notFound("Area");
  return row;
}
