import { eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { areas, people, personNotes } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, fieldError } from "../kernel/errors";
import { inReach, inScope, loadInScope, requireReferences } from "../kernel/access";
import { isUniqueViolation } from "../kernel/db-errors";
import { bumpVersion, saveVersioned, staleVersion } from "../kernel/versioned";
import { personColumns } from "@/lib/people/person-columns";
import type { archivePersonInput, createPersonInput, updatePersonInput } from "@/lib/validators/people";
import type { z } from "zod";
import { asSeenBy, type Person } from "./people.read";
import { atOrBelowAny } from "./chart.read";
import { addToChart, rebuildChart, recountChart } from "./chart.write";
import { recordHandovers } from "./handovers-record.write";

// People: the writes (create, edit, archive, restore) and the org lock they take.

const EMAIL_TAKEN = "Someone in your organisation already has this email.";

/**
 * Serialises this owner's reporting-line changes: two concurrent moves (A under
 * B, B under A) would each pass the cycle check alone. Every change of a
 * manager (create, update, archive moving reports, restore, CSV import) takes
 * it before reading the lines it checks. Held to the end of the transaction.
 */
export async function lockOrg(tx: Db, actor: Actor) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${actor.orgId}))`);
}

/** "Reports to me" in a form (null) is the actor's own person in the chart. */
function managerOf(actor: Actor, managerId: string | null): string {
  return managerId ?? actor.personId;
}

/**
 * Saves the actor's own notes about a person (person_notes: the author's
 * alone). Empty notes delete the row. `undefined`: the form did not send them.
 */
async function saveNotes(tx: Db, actor: Actor, personId: string, notes: string | null | undefined) {
  if (notes === undefined) return;
  const key = { orgId: actor.orgId, personId, authorPersonId: actor.personId };
  if (!notes) {
    await tx.delete(personNotes).where(inReach(personNotes, actor, eq(personNotes.personId, personId)));
    return;
  }
  await tx
    .insert(personNotes)
    .values({ ...key, body: notes })
    .onConflictDoUpdate({
      target: [personNotes.orgId, personNotes.personId, personNotes.authorPersonId],
      set: { body: notes, updatedAt: new Date() },
    });
}

/**
 * Checks a proposed manager: an active person the actor may place people
 * under (themself or someone in their subtree; anyone, for an admin), and not
 * below the person.
 */
async function checkManager(db: Db, actor: Actor, personId: string | null, managerId: string) {
  if (managerId !== actor.personId) await requireReferences(db, actor, "manager", "managerId", managerId);
  if (!personId) return;
  // A loop: the new manager is the person or below them (one probe of the closure table, not the whole org's lines).
  if (await atOrBelowAny(db, actor.orgId, managerId, [personId])) {
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
      const managerId = managerOf(actor, input.managerId);
      await checkManager(tx, actor, null, managerId);
      const [row] = await tx
        .insert(people)
        .values({ orgId: actor.orgId, ...personColumns(input), managerId })
        .returning();
      await addToChart(tx, actor.orgId, row!.id, managerId);
      await saveNotes(tx, actor, row!.id, input.notes);
      return asSeenBy(actor, row!);
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
      const current = await loadInScope(tx, actor, people, id, "Person", "change");
      const managerId = current.managerId === null ? null : managerOf(actor, input.managerId);
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
      // The top of the chart stays the top: it reports to no one.
      if (managerId !== null && managerId !== current.managerId) await checkManager(tx, actor, id, managerId);
      const saved = await saveVersioned(tx, people, {
        where: inReach(people, actor, eq(people.id, id)),
        version,
        set: { ...personColumns(input), managerId, updatedAt: new Date() },
        what: "person",
      });
      if (managerId !== current.managerId) {
        await rebuildChart(tx, actor.orgId);
        // The new manager gets a hand-over page, and the old one can leave a note on it.
        await recordHandovers(tx, actor.orgId, [{ personId: id, fromPersonId: current.managerId, toPersonId: managerId }]);
      }
      await saveNotes(tx, actor, id, input.notes);
      return asSeenBy(actor, saved);
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
    const person = await loadInScope(tx, actor, people, id, "Person", "change");
    if (person.archivedAt) return asSeenBy(actor, person);
    const activeReports = await tx
      .select({ id: people.id })
      .from(people)
      .where(inScope(people, actor, eq(people.managerId, id), isNull(people.archivedAt)));
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
        if (reportsGoTo !== actor.personId) await requireReferences(tx, actor, "manager", "reportsGoTo", reportsGoTo);
        // A loop: the new manager is one of the people moving or below one of them (below the person
        // leaving but not under a mover, say under an archived report, is fine). One probe per mover.
        if (
          await atOrBelowAny(
            tx,
            actor.orgId,
            reportsGoTo,
            activeReports.map((r) => r.id),
          )
        ) {
          throw fieldError("BAD_REQUEST", "reportsGoTo", "That person reports to one of the people moving: choose someone else.");
        }
      }
    }
    if (activeReports.length > 0) {
      const to = managerOf(actor, reportsGoTo ?? null);
      await recordHandovers(
        tx,
        actor.orgId,
        activeReports.map((r) => ({ personId: r.id, fromPersonId: id, toPersonId: to })),
      );
      await tx
        .update(people)
        // Their "reports to" changed: an edit form of theirs opened before is stale now.
        .set({ managerId: managerOf(actor, reportsGoTo ?? null), version: bumpVersion(people.version), updatedAt: new Date() })
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
      .where(inReach(people, actor, eq(people.id, id)))
      .returning();
    // Their reports moved (new lines), or at least one fewer active person to count.
    await (activeReports.length > 0 ? rebuildChart(tx, actor.orgId) : recountChart(tx, actor.orgId));
    return asSeenBy(actor, row!);
  });
}

/** Restores an archived person; if their manager is archived now, they come back reporting to me. */
export async function restorePerson(db: Db, actor: Actor, id: string): Promise<Person & { movedToMe: boolean }> {
  return db.transaction(async (tx) => {
    // Under the org lock, so the manager cannot be archived between the check and the restore.
    await lockOrg(tx, actor);
    const person = await loadInScope(tx, actor, people, id, "Person", "change");
    let managerId = person.managerId;
    if (managerId) {
      const manager = await loadInScope(tx, actor, people, managerId, "Person").catch(() => null);
      if (!manager || manager.archivedAt) managerId = actor.personId;
    }
    const [row] = await tx
      .update(people)
      .set({ archivedAt: null, managerId, version: bumpVersion(people.version), updatedAt: new Date() })
      .where(inReach(people, actor, eq(people.id, id)))
      .returning();
    if (managerId !== person.managerId) {
      await recordHandovers(tx, actor.orgId, [{ personId: id, fromPersonId: person.managerId, toPersonId: managerId }]);
    }
    // Back under someone else (a new line), or at least one more active person to count.
    await (managerId !== person.managerId ? rebuildChart(tx, actor.orgId) : recountChart(tx, actor.orgId));
    return { ...asSeenBy(actor, row!), movedToMe: managerId !== person.managerId };
  });
}
