import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { areas, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, fieldError, notFound } from "../kernel/errors";
import { ownedBy } from "../kernel/scope";
import { isUniqueViolation } from "../kernel/db-errors";
import { bumpVersion, saveVersioned, staleVersion } from "../kernel/versioned";
import { buildOrgTree, chainUp, reportCounts, wouldCreateCycle } from "@/lib/people/org-tree";
import { LEVELS, TRACKS } from "@/lib/people/ladder";
import {
  archivePersonInput,
  createPersonInput,
  listPeopleInput,
  updatePersonInput,
  type CreatePersonInput,
  type ListPeopleInput,
  type PersonValues,
  type UpdatePersonInput,
} from "@/lib/validators/people";
import type { z } from "zod";

export type Person = typeof people.$inferSelect;

const EMAIL_TAKEN = "Someone in your organisation already has this email.";

/** The owner's people as (id, managerId, archived) edges: one query, for tree and cycle checks. */
async function loadEdges(db: Db, actor: Actor) {
  return db
    .select({ id: people.id, managerId: people.managerId, archivedAt: people.archivedAt })
    .from(people)
    .where(ownedBy(people, actor));
}

/** A person of this owner, or NOT_FOUND (also for another owner's id). */
export async function getOwnedPerson(db: Db, actor: Actor, id: string): Promise<Person> {
  const [row] = await db.select().from(people).where(ownedBy(people, actor, eq(people.id, id))).limit(1);
  if (!row) throw notFound("Person");
  return row;
}

/**
 * Serialises this owner's reporting-line changes: two concurrent moves (A under
 * B, B under A) would each pass the cycle check alone. Every change of a
 * manager (create, update, archive moving reports, restore, CSV import) takes
 * it before reading the lines it checks. Held to the end of the transaction.
 */
export async function lockOrg(tx: Db, actor: Actor) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${actor.userId}))`);
}

/** Checks a proposed manager: mine, not archived, and not below the person. */
async function checkManager(db: Db, actor: Actor, personId: string | null, managerId: string | null) {
  if (managerId === null) return;
  const edges = await loadEdges(db, actor);
  const manager = edges.find((e) => e.id === managerId);
  if (!manager) throw fieldError("NOT_FOUND", "managerId", "That manager is not in your organisation.");
  if (manager.archivedAt) throw fieldError("BAD_REQUEST", "managerId", "That person is archived: choose someone active.");
  if (personId && wouldCreateCycle(edges, personId, managerId)) {
    throw fieldError(
      "BAD_REQUEST",
      "managerId",
      managerId === personId
        ? "A person cannot report to themselves."
        : "That person reports (directly or further down) to this one: moving them there would make a loop.",
    );
  }
}

function columnsOf(v: PersonValues) {
  return {
    name: v.name,
    email: v.email,
    title: v.title,
    track: v.track,
    level: v.level,
    managerId: v.managerId,
    leads: v.leads,
    cadence: v.cadence,
    cadenceDays: v.cadence === "days" ? v.cadenceDays : null,
    startDate: v.startDate,
    notes: v.notes,
  };
}

export async function createPerson(db: Db, actor: Actor, raw: CreatePersonInput): Promise<Person> {
  const input = createPersonInput.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      await lockOrg(tx, actor);
      await checkManager(tx, actor, null, input.managerId);
      const [row] = await tx.insert(people).values({ ownerId: actor.userId, ...columnsOf(input) }).returning();
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "email", EMAIL_TAKEN);
    throw error;
  }
}

export async function updatePerson(db: Db, actor: Actor, raw: UpdatePersonInput): Promise<Person> {
  const { id, version, ...input } = updatePersonInput.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      // The current line is read under the lock: read before it, a concurrent move could make it stale.
      await lockOrg(tx, actor);
      const current = await getOwnedPerson(tx, actor, id);
      // A stale form is answered as such first: its other values (an archived manager, say) are stale too.
      if (current.version !== version) throw staleVersion("person");
      if (current.track !== input.track) {
        // An area's EM must be on the manager track and its IC on the IC track.
        const [pairing] = await tx
          .select({ name: areas.name })
          .from(areas)
          .where(ownedBy(areas, actor, input.track === "manager" ? eq(areas.icPersonId, id) : eq(areas.emPersonId, id)))
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
      return saveVersioned(tx, people, { where: ownedBy(people, actor, eq(people.id, id)), version, set: { ...columnsOf(input), updatedAt: new Date() }, what: "person" });
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
export async function archivePerson(db: Db, actor: Actor, raw: z.input<typeof archivePersonInput>) {
  const { id, reportsGoTo } = archivePersonInput.parse(raw);
  return db.transaction(async (tx) => {
    // Moving the reports is a reporting-line change: checked and made under the org lock.
    await lockOrg(tx, actor);
    const person = await getOwnedPerson(tx, actor, id);
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
        const target = edges.find((e) => e.id === reportsGoTo);
        if (!target) throw fieldError("NOT_FOUND", "reportsGoTo", "That person is not in your organisation.");
        if (target.archivedAt) throw fieldError("BAD_REQUEST", "reportsGoTo", "That person is archived.");
        // Moving them under someone in the archived person's own subtree is fine unless it is one of the movers' descendants.
        const afterMove = edges.map((e) => (e.managerId === id ? { ...e, managerId: null } : e));
        if (activeReports.some((r) => wouldCreateCycle(afterMove, r.id, reportsGoTo))) {
          throw fieldError("BAD_REQUEST", "reportsGoTo", "That person reports to one of the people moving: choose someone else.");
        }
      }
    }
    if (activeReports.length > 0) {
      await tx
        .update(people)
        // Their "reports to" changed: an edit form of theirs opened before is stale now.
        .set({ managerId: reportsGoTo ?? null, version: bumpVersion(people.version), updatedAt: new Date() })
        .where(ownedBy(people, actor, eq(people.managerId, id), isNull(people.archivedAt)));
    }
    // An archived person no longer oversees an area: free their place in any pair.
    await tx.update(areas).set({ emPersonId: null, updatedAt: new Date() }).where(ownedBy(areas, actor, eq(areas.emPersonId, id)));
    await tx.update(areas).set({ icPersonId: null, updatedAt: new Date() }).where(ownedBy(areas, actor, eq(areas.icPersonId, id)));
    const [row] = await tx
      .update(people)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(ownedBy(people, actor, eq(people.id, id)))
      .returning();
    return row!;
  });
}

/** Restores an archived person; if their manager is archived now, they come back reporting to me. */
export async function restorePerson(db: Db, actor: Actor, id: string): Promise<Person & { movedToMe: boolean }> {
  return db.transaction(async (tx) => {
    // Under the org lock, so the manager cannot be archived between the check and the restore.
    await lockOrg(tx, actor);
    const person = await getOwnedPerson(tx, actor, id);
    let managerId = person.managerId;
    if (managerId) {
      const manager = await getOwnedPerson(tx, actor, managerId).catch(() => null);
      if (!manager || manager.archivedAt) managerId = null;
    }
    const [row] = await tx
      .update(people)
      .set({ archivedAt: null, managerId, version: bumpVersion(people.version), updatedAt: new Date() })
      .where(ownedBy(people, actor, eq(people.id, id)))
      .returning();
    return { ...row!, movedToMe: managerId !== person.managerId };
  });
}

export type PersonListRow = {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  track: "manager" | "ic";
  level: string;
  managerId: string | null;
  managerName: string | null;
  leads: string | null;
  startDate: string | null;
  archivedAt: Date | null;
  directReports: number;
  totalReports: number;
  areaNames: string[];
};

/**
 * The people list: filtered, searched and sorted in the database, with each
 * person's manager, areas and report counts. Three queries whatever the size
 * of the org (people with managers; area memberships; all edges for counts).
 */
export async function listPeople(db: Db, actor: Actor, raw: ListPeopleInput) {
  const input = listPeopleInput.parse(raw) ?? {};
  const manager = alias(people, "manager");
  const conditions: (SQL | undefined)[] = [];
  if (!input.includeArchived) conditions.push(isNull(people.archivedAt));
  if (input.track) conditions.push(eq(people.track, input.track));
  if (input.level) conditions.push(eq(people.level, input.level));
  if (input.managerId === "me") conditions.push(isNull(people.managerId));
  else if (input.managerId) conditions.push(eq(people.managerId, input.managerId));
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(people.name, pattern), ilike(people.title, pattern), ilike(people.leads, pattern)));
  }
  if (input.areaId) {
    conditions.push(
      sql`exists (select 1 from ${areas} where ${areas.ownerId} = ${actor.userId} and ${areas.id} = ${input.areaId}
        and (${areas.emPersonId} = ${people.id} or ${areas.icPersonId} = ${people.id}))`,
    );
  }
  const dir = input.direction === "desc" ? desc : asc;
  const order = {
    name: [dir(people.name)],
    title: [dir(sql`coalesce(${people.title}, '')`), asc(people.name)],
    // asc()/desc() would put the direction after "nulls last": write the clause whole.
    startDate: [sql`${people.startDate} ${sql.raw(input.direction === "desc" ? "desc" : "asc")} nulls last`, asc(people.name)],
    manager: [dir(sql`coalesce(${manager.name}, '')`), asc(people.name)],
    // Seniority: the ladder position, so levels line up across tracks; managers
    // before ICs at the same rung ('manager' sorts after 'ic', hence desc).
    level: [dir(levelRankSql()), desc(people.track), asc(people.name)],
  }[input.sort ?? "name"];

  const [rows, memberships, edges] = await Promise.all([
    db
      .select({
        id: people.id,
        name: people.name,
        email: people.email,
        title: people.title,
        track: people.track,
        level: people.level,
        managerId: people.managerId,
        managerName: manager.name,
        leads: people.leads,
        startDate: people.startDate,
        archivedAt: people.archivedAt,
      })
      .from(people)
      .leftJoin(manager, and(eq(manager.id, people.managerId), eq(manager.ownerId, people.ownerId)))
      .where(ownedBy(people, actor, ...conditions))
      .orderBy(...order, asc(people.id)),
    db
      .select({ name: areas.name, emPersonId: areas.emPersonId, icPersonId: areas.icPersonId })
      .from(areas)
      .where(ownedBy(areas, actor))
      .orderBy(asc(areas.name)),
    loadEdges(db, actor),
  ]);
  const counts = reportCounts(edges.filter((e) => !e.archivedAt));
  const areaNames = new Map<string, string[]>();
  for (const a of memberships) {
    for (const pid of [a.emPersonId, a.icPersonId]) {
      if (pid) areaNames.set(pid, [...(areaNames.get(pid) ?? []), a.name]);
    }
  }
  return rows.map(
    (r): PersonListRow => ({
      ...r,
      directReports: counts.get(r.id)?.direct ?? 0,
      totalReports: counts.get(r.id)?.total ?? 0,
      areaNames: areaNames.get(r.id) ?? [],
    }),
  );
}

/** Seniority as the position on the ladder (levelRank in src/lib), computed in SQL for sorting. */
function levelRankSql() {
  const whens = TRACKS.flatMap((track) => LEVELS[track].map((level, rank) => `when '${level}' then ${rank}`));
  return sql`case ${people.level} ${sql.raw(whens.join(" "))} else 99 end`;
}

/** Active people for pickers (reports-to, area pairs): id, name, track, level. */
export async function listPeopleOptions(db: Db, actor: Actor) {
  return db
    .select({ id: people.id, name: people.name, track: people.track, level: people.level, managerId: people.managerId })
    .from(people)
    .where(ownedBy(people, actor, isNull(people.archivedAt)))
    .orderBy(asc(people.name));
}

/**
 * A person's page: details, the chain of managers above them, their direct
 * reports (with counts), and their areas with the partner in each. Three
 * queries whatever the size of the org.
 */
export async function getPersonDetail(db: Db, actor: Actor, id: string) {
  const [all, areaRows] = await Promise.all([
    db.select().from(people).where(ownedBy(people, actor)),
    db.select().from(areas).where(ownedBy(areas, actor, or(eq(areas.emPersonId, id), eq(areas.icPersonId, id)))),
  ]);
  const person = all.find((p) => p.id === id);
  if (!person) throw notFound("Person");
  const byId = new Map(all.map((p) => [p.id, p]));
  const active = all.filter((p) => !p.archivedAt);
  const counts = reportCounts(active);
  const brief = (p: Person) => ({
    id: p.id,
    name: p.name,
    title: p.title,
    track: p.track,
    level: p.level,
    archived: p.archivedAt !== null,
    directReports: counts.get(p.id)?.direct ?? 0,
    totalReports: counts.get(p.id)?.total ?? 0,
  });
  return {
    person,
    managers: chainUp(all, id).map(brief),
    directReports: all
      .filter((p) => p.managerId === id)
      .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || a.name.localeCompare(b.name))
      .map(brief),
    totalReports: counts.get(id)?.total ?? 0,
    areas: areaRows.map((a) => {
      const partnerId = a.emPersonId === id ? a.icPersonId : a.emPersonId;
      const partner = partnerId ? byId.get(partnerId) : undefined;
      return {
        id: a.id,
        name: a.name,
        role: a.emPersonId === id ? ("em" as const) : ("ic" as const),
        partner: partner ? brief(partner) : null,
      };
    }),
  };
}

/** The org chart: the tree of active people under me, managers first, with report counts. One query. */
export async function getOrgChart(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      title: people.title,
      track: people.track,
      level: people.level,
      managerId: people.managerId,
      leads: people.leads,
    })
    .from(people)
    .where(ownedBy(people, actor, isNull(people.archivedAt)));
  return buildOrgTree(
    rows,
    (a, b) => Number(a.track === "ic") - Number(b.track === "ic") || a.name.localeCompare(b.name),
  );
}

export async function countPeople(db: Db, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(people).where(ownedBy(people, actor));
  return row?.n ?? 0;
}

