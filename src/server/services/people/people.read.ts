import { and, asc, eq, gt, ilike, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { areas, personAncestors, personNotes, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope, scopeSql, underMe } from "../kernel/access";
import { reportCountsOf } from "./chart.read";
import { pageOf } from "@/lib/keyset";
import { PEOPLE_PAGE, type listPeopleInput } from "@/lib/validators/people";
import { afterKey, cursorKey, keyColumns, keyOfRow, orderByKeys, peopleKeys } from "./people-order";
import type { z } from "zod";

// People: the reads (the list, pickers, a person's page, the org chart).
// The writes are in people.write.ts.

export type Person = typeof people.$inferSelect;

/**
 * The people of the actor's part of the chart: everyone under them (their
 * subtree, one index lookup in the closure table), not themself. The People
 * list, pickers and the org chart start here; a person page opens anyone in
 * the organisation (the chart is open inside it).
 */
export function belowMe(actor: Actor): SQL {
  return and(underMe(actor, people.id), ne(people.id, actor.personId))!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * belowMe with the actor's id written into the statement rather than bound.
 * The People list's statement is prepared; after five runs PostgreSQL may keep
 * a generic plan, costed for an average manager's few reports: read the
 * closure rows under the actor, then sort them all for the page. For a VP of
 * 2,000 people that was 17 ms instead of 2 (bench/explain-lists.ts). With the
 * id in the text, each actor's statement is planned from the statistics of
 * their own subtree (a large one: along the name index, a probe per row).
 * The id is the session's person (from the database, never input), checked
 * to be a uuid before it is written into SQL.
 */
function belowMeInText(actor: Actor): SQL {
  if (!UUID.test(actor.personId)) throw new Error("The actor's person id is not a uuid.");
  const me = sql.raw(`'${actor.personId}'::uuid`);
  const pa = personAncestors;
  return sql`exists (select 1 from ${pa} where ${pa.orgId} = ${actor.orgId} and ${pa.ancestorId} = ${me} and ${pa.descendantId} = ${people.id}) and ${people.id} <> ${me}`;
}

/**
 * Lines as the actor sees them: reporting to the actor reads as `null`
 * ("reports to you"), which is also what a form sends to mean it.
 */
export function asSeenBy<T extends { managerId: string | null; managerName?: string | null }>(actor: Actor, row: T): T {
  if (row.managerId !== actor.personId) return row;
  return "managerName" in row ? { ...row, managerId: null, managerName: null } : { ...row, managerId: null };
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
 * A page of the people list (PEOPLE_PAGE people, keyset on the order's key:
 * people-order.ts): filtered, searched and sorted in the database, with each
 * person's manager, areas and report counts. Three queries whatever the size
 * of the org, each bounded by the page (the page with managers; the listed
 * people's area memberships; their kept report counts, and the actor's for
 * `total`). `total` is how many the unfiltered list holds (active people
 * below the actor, a kept count), or null when filtered: counting a filtered
 * subtree would read all of it.
 */
export async function listPeople(db: Db, actor: Actor, filters: z.output<typeof listPeopleInput>) {
  const input = filters ?? {};
  const manager = alias(people, "manager");
  const conditions: (SQL | undefined)[] = [];
  if (input.track) conditions.push(eq(people.track, input.track));
  if (input.level) conditions.push(eq(people.level, input.level));
  if (input.managerId === "me") conditions.push(eq(people.managerId, actor.personId));
  else if (input.managerId) conditions.push(eq(people.managerId, input.managerId));
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(people.name, pattern), ilike(people.title, pattern), ilike(people.leads, pattern)));
  }
  if (input.areaId) {
    conditions.push(
      sql`exists (select 1 from ${areas} where ${scopeSql(actor, sql`${areas.orgId}`)} and ${areas.id} = ${input.areaId}
        and (${areas.emPersonId} = ${people.id} or ${areas.icPersonId} = ${people.id}))`,
    );
  }
  const filtered = conditions.length > 0 || Boolean(input.includeArchived);
  if (!input.includeArchived) conditions.push(isNull(people.archivedAt));
  const sort = input.sort ?? "name";
  const dir = input.sortDirection ?? "asc";
  const keys = peopleKeys(sort, dir, manager.name);
  const after = cursorKey(input.cursor, sort, dir, keys);
  const limit = input.limit ?? PEOPLE_PAGE;

  const rows = await db
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
      ...keyColumns(keys),
    })
    .from(people)
    .leftJoin(manager, and(eq(manager.id, people.managerId), eq(manager.orgId, people.orgId)))
    .where(inScope(people, actor, belowMeInText(actor), ...conditions, after ? afterKey(keys, after) : undefined))
    .orderBy(...orderByKeys(keys))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (row) => keyOfRow(sort, dir, keys, row));
  const ids = page.items.map((r) => r.id);
  const wantTotal = !filtered && !after;
  const [counts, memberships] = await Promise.all([
    reportCountsOf(db, actor, wantTotal ? [...ids, actor.personId] : ids),
    ids.length
      ? db
          .select({ name: areas.name, emPersonId: areas.emPersonId, icPersonId: areas.icPersonId })
          .from(areas)
          .where(inScope(areas, actor, or(inArray(areas.emPersonId, ids), inArray(areas.icPersonId, ids))))
          .orderBy(asc(areas.name))
      : [],
  ]);
  const areaNames = new Map<string, string[]>();
  for (const a of memberships) {
    for (const pid of [a.emPersonId, a.icPersonId]) {
      if (pid) areaNames.set(pid, [...(areaNames.get(pid) ?? []), a.name]);
    }
  }
  return {
    items: page.items.map((r): PersonListRow => ({
      ...asSeenBy(actor, {
        id: r.id,
        name: r.name,
        email: r.email,
        title: r.title,
        track: r.track,
        level: r.level,
        managerId: r.managerId,
        managerName: r.managerName,
        leads: r.leads,
        startDate: r.startDate,
        archivedAt: r.archivedAt,
      }),
      directReports: counts.get(r.id)?.direct ?? 0,
      totalReports: counts.get(r.id)?.total ?? 0,
      areaNames: areaNames.get(r.id) ?? [],
    })),
    nextCursor: page.nextCursor,
    /** Everyone the unfiltered list holds (on its first page); null when filtered or on a later page. */
    total: wantTotal ? (counts.get(actor.personId)?.total ?? 0) : null,
  };
}

/** Active people for pickers (reports-to, area pairs): id, name, track, level. */
export async function listPeopleOptions(db: Db, actor: Actor) {
  const rows = await db
    .select({ id: people.id, name: people.name, track: people.track, level: people.level, managerId: people.managerId })
    .from(people)
    .where(inScope(people, actor, belowMe(actor), isNull(people.archivedAt)))
    .orderBy(asc(people.name));
  return rows.map((r) => asSeenBy(actor, r));
}

/**
 * A person's page: details, the chain of managers above them, their direct
 * reports (with counts), and their areas with the partner in each. A fixed
 * number of queries, each bounded by what the page shows (the chain comes
 * from the closure table, counts from reportCountsOf).
 */
export async function getPersonDetail(db: Db, actor: Actor, id: string) {
  const found = await loadInScope(db, actor, people, id, "Person");
  const pa = personAncestors;
  const [chain, reports, areaRows, [ownNotes]] = await Promise.all([
    db
      .select({ person: people })
      .from(pa)
      .innerJoin(people, and(eq(people.orgId, pa.orgId), eq(people.id, pa.ancestorId)))
      .where(inScope(people, actor, eq(pa.orgId, actor.orgId), eq(pa.descendantId, id), gt(pa.depth, 0)))
      .orderBy(asc(pa.depth)),
    db
      .select()
      .from(people)
      .where(inScope(people, actor, eq(people.managerId, id))),
    db
      .select()
      .from(areas)
      .where(inScope(areas, actor, or(eq(areas.emPersonId, id), eq(areas.icPersonId, id)))),
    // The actor's own notes about the person: nobody else's, whoever they are.
    db
      .select({ body: personNotes.body })
      .from(personNotes)
      .where(inScope(personNotes, actor, eq(personNotes.personId, id))),
  ]);
  const partnerIds = areaRows.map((a) => (a.emPersonId === id ? a.icPersonId : a.emPersonId)).filter((p): p is string => p !== null);
  const partners = partnerIds.length
    ? await db
        .select()
        .from(people)
        .where(inScope(people, actor, inArray(people.id, partnerIds)))
    : [];
  // The line above, up to the actor (who reads "reports to you") or to the top when they are not in it.
  const managers = upTo(
    chain.map((c) => c.person),
    actor.personId,
  );
  const counts = await reportCountsOf(db, actor, [id, ...[...managers, ...reports, ...partners].map((p) => p.id)]);
  const byId = new Map(partners.map((p) => [p.id, p]));
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
    person: { ...asSeenBy(actor, found), notes: ownNotes?.body ?? null },
    managers: managers.map(brief),
    directReports: reports
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

function upTo<T extends { id: string }>(chain: T[], personId: string): T[] {
  const at = chain.findIndex((p) => p.id === personId);
  return at === -1 ? chain : chain.slice(0, at);
}

export async function countPeople(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(inScope(people, actor, belowMe(actor)));
  return row?.n ?? 0;
}
