import { eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { areas, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, fieldError } from "../kernel/errors";
import { inScope, loadInScope, requireReferences } from "../kernel/access";
import { isUniqueViolation } from "../kernel/db-errors";
import { bumpVersion, saveVersioned, staleVersion } from "../kernel/versioned";
import { reportsMoveMakesLoop, wouldCreateCycle } from "@/lib/people/org-tree";
import { personColumns } from "@/lib/people/person-columns";
import type { archivePersonInput, createPersonInput, updatePersonInput } from "@/lib/validators/people";
import type { z } from "zod";
import { loadEdges, type Person } from "./people.read";

// People: the writes (create, edit, archive, restore) and the org lock they take.

const EMAIL_TAKEN = "Someone in your organisation already has this email.";

/**
 * Serialises this owner's reporting-line changes: two concurrent moves (A under
 * B, B under A) would each pass the cycle check alone. Every change of a
 * manager (create, update, archive moving reports, restore, CSV import) takes
 * it before reading the lines it checks. Held to the end of the transaction.
 */
export async function lockOrg(tx: Db, actor: Actor) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${actor.userId}))`);
}

/** Checks a proposed manager: an active person the actor may reach, and not below the person. */
async function checkManager(db: Db, actor: Actor, personId: string | null, managerId: string | null) {
  if (managerId === null) return;
  await requireReferences(db, actor, "person", "managerId", managerId);
  if (!personId) return;
  const edges = await loadEdges(db, actor);
  if (wouldCreateCycle(edges, personId, managerId)) {
    throw fieldError(
      "BAD_REQUEST",
      "managerId",
      managerId === personId
        ? "A person cannot report to themselves."
        : "That person reports (directly or further down) to this one: moving them there would make a loop.",
    );
  }
}

export async function createPerson(db: Db, actor: Actor, input: z.output<typeof createPersonInput>): Promise<Person> {
  try {
    return await db.transaction(async (tx) => {
      await lockOrg(tx, actor);
      await checkManager(tx, actor, null, input.managerId);
      const [row] = await tx
        .insert(people)
        .values({ ownerId: actor.userId, ...personColumns(input) })
        .returning();
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "email", EMAIL_TAKEN);
    throw error;
  }
}

export async function updatePerson(db: Db, actor: Actor, { id, version, ...input }: z.output<typeof updatePersonInput>): Promise<Person> {
  try {
    return await db.transaction(async (tx) => {
      // The current line is read under the lock: read before it, a concurrent move could make it stale.
      await lockOrg(tx, actor);
      const current = await loadInScope(tx, actor, people, id, "Person");
      // A stale form is answered as such first: its other values (an archived manager, say) are stale too.
      if (current.version !== version) throw staleVersion("person");
      if (current.track !== input.track) {
        // An area's EM must be on the manager track and its IC on the IC track.
        const [pairing] = await tx
          .select({ name: areas.name })
          .from(areas)
          .where(inScope(areas, actor, input.track === "manager" ? eq(areas.icPersonId, id) : eq(areas.emPersonId, id)))
          .limit(1);
        if (pairing) {
          throw fieldError(
            "BAD_REQUEST",
            "track",
            `They are the ${current.track === "manager" ? "EM" : "IC"} of ${pairing.name}: change the area's pair first.`,
          );
        }
      }
      if (input.managerId !== current.managerId) await checkManager(tx, actor, id, input.managerId);
      return saveVersioned(tx, people, {
        where: inScope(people, actor, eq(people.id, id)),
        version,
        set: { ...personColumns(input), updatedAt: new Date() },
        what: "person",
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "email", EMAIL_TAKEN);
    throw error;
  }
}

/**
 * Archives a person. Their active reports must go somewhere: when there are
 * any and `reportsGoTo` is not given, the answer is a CONFLICT that says how
 * many, so the client can ask.
 */
export async function archivePerson(db: Db, actor: Actor, { id, reportsGoTo }: z.output<typeof archivePersonInput>) {
  return db.transaction(async (tx) => {
    // Moving the reports is a reporting-line change: checked and made under the org lock.
    await lockOrg(tx, actor);
    const person = await loadInScope(tx, actor, people, id, "Person");
    if (person.archivedAt) return person;
    const edges = await loadEdges(tx, actor);
    const activeReports = edges.filter((e) => e.managerId === id && !e.archivedAt);
    if (activeReports.length > 0) {
      if (reportsGoTo === undefined) {
        throw new AppError(
          "CONFLICT",
          `${person.name} has ${activeReports.length} active report${activeReports.length === 1 ? "" : "s"}: choose who they report to now.`,
          { reportsGoTo: "Choose who their reports move to." },
        );
      }
      if (reportsGoTo !== null) {
        if (reportsGoTo === id) throw fieldError("BAD_REQUEST", "reportsGoTo", "Their reports cannot move to the person being archived.");
        await requireReferences(tx, actor, "person", "reportsGoTo", reportsGoTo);
        if (
          reportsMoveMakesLoop(
            edges,
            id,
            activeReports.map((r) => r.id),
            reportsGoTo,
          )
        ) {
          throw fieldError("BAD_REQUEST", "reportsGoTo", "That person reports to one of the people moving: choose someone else.");
        }
      }
    }
    if (activeReports.length > 0) {
      await tx
        .update(people)
        // Their "reports to" changed: an edit form of theirs opened before is stale now.
        .set({ managerId: reportsGoTo ?? null, version: bumpVersion(people.version), updatedAt: new Date() })
        .where(inScope(people, actor, eq(people.managerId, id), isNull(people.archivedAt)));
    }
    // An archived person no longer oversees an area: free their place in any pair.
    await tx
      .update(areas)
      .set({ emPersonId: null, updatedAt: new Date() })
      .where(inScope(areas, actor, eq(areas.emPersonId, id)));
    await tx
      .update(areas)
      .set({ icPersonId: null, updatedAt: new Date() })
      .where(inScope(areas, actor, eq(areas.icPersonId, id)));
    const [row] = await tx
      .update(people)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(inScope(people, actor, eq(people.id, id)))
      .returning();
    return row!;
  });
}

/** Restores an archived person; if their manager is archived now, they come back reporting to me. */
export async function restorePerson(db: Db, actor: Actor, id: string): Promise<Person & { movedToMe: boolean }> {
  return db.transaction(async (tx) => {
    // Under the org lock, so the manager cannot be archived between the check and the restore.
    await lockOrg(tx, actor);
    const person = await loadInScope(tx, actor, people, id, "Person");
    let managerId = person.managerId;
    if (managerId) {
      const manager = await loadInScope(tx, actor, people, managerId, "Person").catch(() => null);
      if (!manager || manager.archivedAt) managerId = null;
    }
    const [row] = await tx
      .update(people)
      .set({ archivedAt: null, managerId, version: bumpVersion(people.version), updatedAt: new Date() })
      .where(inScope(people, actor, eq(people.id, id)))
      .returning();
    return { ...row!, movedToMe: managerId !== person.managerId };
  });
}
