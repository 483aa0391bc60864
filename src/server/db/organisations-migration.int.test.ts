import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { memberActor } from "../services/members/memberships.read";
import { wireCaller } from "@/test/wire-caller";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { BEFORE_ORGANISATIONS, canonical, exportTables, migrateTo, type Export } from "@/test/migrations";
import { BEA, CAL, DANA, insertOldData, uid } from "@/test/old-schema-data";

/**
 * drizzle/0010_organisations.sql on data written in the schema before it: every
 * table is exported before and after, and the after must be the before with
 * owner_id renamed org_id and only the documented additions. On PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set (a fresh database per file).
 */

type Row = Record<string, unknown>;

const NEW_TABLES = ["invitations", "memberships", "organisations", "person_ancestors", "person_notes"];
/** Tables of the migrations after 0010 (applied in the same upgrade): chart_counts and autonomy_months are filled (checked below), the others empty. */
const FILLED_LATER = ["chart_counts", "autonomy_months"];
const LATER_TABLES = [
  ...FILLED_LATER,
  "target_comments",
  "target_status_updates",
  "level_proposals",
  "poker_items",
  "poker_rounds",
  "handovers",
  "handover_notes",
  "notifications",
  "calendar_feeds",
  "calendar_meetings",
  "target_slos",
  "data_sources",
  "metric_bindings",
];
/** Tables of one user's own rows: they gain user_id = the account that wrote them. */
const PERSONAL = ["api_tokens", "capacity_items", "capacity_weeks", "energy_days", "energy_entries", "weekly_reviews"];

/** What an old row must look like after the migration; `top` maps an org to the person made at its top. */
/** timestamptz '-infinity' as either driver hands it back: PGlite -Infinity, postgres.js an invalid Date. */
const isMinusInfinity = (v: unknown) => v === -Infinity || (v instanceof Date && Number.isNaN(v.getTime()));
/** A row as compared: the stored health's "unknown until" moment spelled one way for both drivers. */
const comparable = (table: string, row: Row): Row =>
  table === "targets" && isMinusInfinity(row.health_valid_until) ? { ...row, health_valid_until: "-infinity" } : row;

/** 0027 (a metric's latest check-in): the old check-in with the greatest `at` (then the greatest id), or none. */
function latestCheckIn(metricId: unknown, checkIns: Row[]): Row | undefined {
  const time = (v: unknown) => new Date(v as string | Date).getTime();
  return checkIns
    .filter((c) => c.metric_id === metricId)
    .reduce<Row | undefined>(
      (best, c) => (!best || time(c.at) > time(best.at) || (time(c.at) === time(best.at) && String(c.id) > String(best.id)) ? c : best),
      undefined,
    );
}

function expectedAfter(table: string, before: Row, top: Record<string, string>, old: Record<string, Row[]> = {}): Row {
  const row: Row = { ...before };
  if ("owner_id" in row) {
    row.org_id = row.owner_id;
    delete row.owner_id;
  }
  const topOf = () => top[row.org_id as string];
  if (PERSONAL.includes(table)) row.user_id = row.org_id;
  switch (table) {
    case "people":
      delete row.notes;
      if (row.manager_id === null) row.manager_id = topOf();
      break;
    case "one_on_ones":
      row.manager_person_id = topOf();
      break;
    case "coaching_notes":
      row.author_person_id = topOf();
      break;
    case "targets":
      row.controller_person_id = topOf();
      row.shared_with_org = false;
      // Migration 0016 (cascading targets): every target so far is a top-level one.
      row.parent_id = null;
      // 0026 (stored health): unknown until judged (the lists judge it live; the sweep stores it).
      row.health_rank = null;
      row.health_valid_until = "-infinity";
      row.health_judged_at = null;
      row.health_version = 0;
      break;
    case "metrics": {
      const latest = latestCheckIn(row.id, old.check_ins ?? []);
      row.latest_value = latest?.value ?? null;
      row.latest_at = latest?.at ?? null;
      break;
    }
    case "tasks":
      row.delegator_person_id = topOf();
      row.ratings_shared = false;
      break;
    case "action_items":
      // 0018 (applied in the same upgrade): an action may serve a target; none did before.
      row.target_id = null;
      break;
    case "check_ins":
      // 0020: every value so far was entered (typed, pasted or pushed); none was pulled.
      row.source = "entered";
      break;
    case "talking_points":
      // 0013 (applied in the same upgrade): who added a point; old points read as the manager's.
      row.author_person_id = null;
      break;
    case "users":
      delete row.ladder_labels;
      delete row.ladder_version;
      row.last_org_id = row.id;
      break;
  }
  return row;
}

const sorted = (rows: Row[]) => [...rows].sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));

/** The closure table the people's manager lines imply: every (ancestor, descendant, depth), depth 0 = self. */
function closureOf(people: Row[]): Row[] {
  const byId = new Map(people.map((p) => [p.id as string, p]));
  const out: Row[] = [];
  for (const p of people) {
    let current: Row | undefined = p;
    for (let depth = 0; current; depth++) {
      out.push({ org_id: p.org_id, ancestor_id: current.id, descendant_id: p.id, depth });
      current = current.manager_id ? byId.get(current.manager_id as string) : undefined;
    }
  }
  return out;
}

/** A date column as the query returns it (a string, or a Date at UTC midnight) as YYYY-MM-DD. */
function dayOfDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

describe("migration 0010: every account becomes an organisation", () => {
  let database: TestDatabase;
  let before: Export;
  let after: Export;
  let top: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateTo(database.db, BEFORE_ORGANISATIONS);
    await insertOldData(database.query);
    before = await exportTables(database.query);
    // The rest of drizzle/, through the app's own migrator, as on an upgrade.
    await applyMigrations(database.db);
    after = await exportTables(database.query);
    const oldIds = new Set(before.people!.map((p) => p.id));
    top = Object.fromEntries(after.people!.filter((p) => !oldIds.has(p.id)).map((p) => [p.org_id as string, p.id as string]));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("starts from the old schema, with every old table filled", () => {
    expect(Object.keys(before)).not.toContain("organisations");
    expect(before.people![0]).toHaveProperty("owner_id");
    const empty = Object.entries(before)
      .filter(([, rows]) => rows.length === 0)
      .map(([name]) => name);
    expect(empty).toEqual([]);
  });

  it("adds exactly the new tables and keeps every old one", () => {
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), ...NEW_TABLES, ...LATER_TABLES].sort());
    expect(after.invitations).toEqual([]);
    for (const table of LATER_TABLES.filter((t) => !FILLED_LATER.includes(t))) expect(after[table], table).toEqual([]);
  });

  it("0011 (chart_counts) fills each person's active direct and total reports from the chart", () => {
    const active = new Set(after.people!.filter((p) => p.archived_at === null).map((p) => p.id));
    const expected = new Map<string, Row>();
    for (const a of closureOf(after.people!)) {
      if ((a.depth as number) === 0 || !active.has(a.descendant_id)) continue;
      const row = expected.get(a.ancestor_id as string) ?? {
        org_id: a.org_id,
        person_id: a.ancestor_id,
        direct_reports: 0,
        total_reports: 0,
      };
      row.total_reports = (row.total_reports as number) + 1;
      if (a.depth === 1) row.direct_reports = (row.direct_reports as number) + 1;
      expected.set(a.ancestor_id as string, row);
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(sorted(after.chart_counts!)).toEqual(sorted([...expected.values()]));
  });

  it("0023 (autonomy_months) fills each delegatee's months from the level history, as refreshAutonomyMonths does", () => {
    const taskOf = new Map(after.tasks!.map((t) => [t.id as string, t]));
    const time = (v: unknown) => new Date(v as string | Date).getTime();
    const changes = [...after.level_changes!].sort((a, b) => time(a.at) - time(b.at) || String(a.id).localeCompare(String(b.id)));
    const last = new Map<string, number>();
    const expected = new Map<string, Row>();
    for (const c of changes) {
      const task = taskOf.get(c.task_id as string)!;
      const prev = last.get(c.task_id as string);
      last.set(c.task_id as string, c.to_autonomy as number);
      const month = `${new Date(time(c.at)).toISOString().slice(0, 7)}-01`;
      const key = `${task.person_id}/${task.delegator_person_id}/${month}`;
      const row = expected.get(key) ?? {
        org_id: c.org_id,
        person_id: task.person_id,
        delegator_person_id: task.delegator_person_id,
        month,
        changes: 0,
        tasks: 0,
        autonomy_sum: 0,
      };
      row.changes = (row.changes as number) + 1;
      row.tasks = (row.tasks as number) + (prev === undefined ? 1 : 0);
      row.autonomy_sum = (row.autonomy_sum as number) + (c.to_autonomy as number) - (prev ?? 0);
      expected.set(key, row);
    }
    expect(expected.size).toBeGreaterThan(0);
    const kept = after.autonomy_months!.map((r) => ({ ...r, month: dayOfDate(r.month) }));
    expect(sorted(kept)).toEqual(sorted([...expected.values()]));
  });

  it("keeps every old row, with owner_id renamed and only the documented additions", () => {
    for (const [table, rows] of Object.entries(before)) {
      const oldIds = new Set(rows.map((r) => r.id));
      const kept = (table === "people" ? after.people!.filter((p) => oldIds.has(p.id)) : after[table]!).map((r) => comparable(table, r));
      expect({ table, rows: sorted(kept) }).toEqual({ table, rows: sorted(rows.map((r) => expectedAfter(table, r, top, before))) });
    }
  });

  it("makes one person at the top of each account's chart, with the account's name and email", () => {
    const users = before.users!;
    expect(Object.keys(top).sort()).toEqual(users.map((u) => u.id).sort());
    for (const user of users) {
      const person = after.people!.find((p) => p.id === top[user.id as string])!;
      expect(person).toMatchObject({
        org_id: user.id,
        name: user.name,
        // Bea already had a person with her email: the unique (org, email) keeps it there.
        email: user.id === BEA ? null : user.email,
        track: "manager",
        level: "director",
        cadence: "fortnightly",
        manager_id: null,
        archived_at: null,
        title: null,
        leads: null,
        version: 1,
      });
    }
  });

  it("turns each account into an organisation of the same id, with its ladder labels", () => {
    expect(
      sorted(
        after.organisations!.map(({ id, name, ladder_labels, ladder_version, created_at, version }) => ({
          id,
          name,
          ladder_labels,
          ladder_version,
          created_at,
          version,
        })),
      ),
    ).toEqual(
      sorted(
        before.users!.map((u) => ({
          id: u.id,
          name: u.name,
          ladder_labels: u.ladder_labels,
          ladder_version: u.ladder_version,
          created_at: u.created_at,
          version: 1,
        })),
      ),
    );
    expect(after.organisations!.find((o) => o.id === DANA)!.ladder_labels).toEqual({ director: "Head of Engineering", em: "Team Lead" });
  });

  it("makes each account the admin of its organisation, as its top person", async () => {
    expect(
      sorted(after.memberships!.map(({ org_id, user_id, person_id, role, version }) => ({ org_id, user_id, person_id, role, version }))),
    ).toEqual(
      sorted(before.users!.map((u) => ({ org_id: u.id, user_id: u.id, person_id: top[u.id as string], role: "admin", version: 1 }))),
    );
    for (const userId of [DANA, BEA, CAL]) {
      expect(await memberActor(database.db, userId, "session")).toMatchObject({
        userId,
        orgId: userId,
        personId: top[userId],
        role: "admin",
      });
    }
  });

  it("serves the migrated chart through the app: the old directs are the top person's reports, seen as reporting to them", async () => {
    const actor = (await memberActor(database.db, DANA, "session"))!;
    const caller = wireCaller({ db: database.db, actor });
    const directs = (await caller.people.list({ managerId: "me" })).items;
    expect(directs.map((p) => p.name).sort()).toEqual([
      "David Kim",
      "Lena Fischer",
      "Marcus Chen",
      "Priya Raman",
      "Sofia Alvarez",
      "Tom Okafor",
    ]);
    expect(directs.every((p) => p.managerId === null)).toBe(true);
    const everyone = (await caller.people.list({ includeArchived: true })).items;
    expect(everyone).toHaveLength(18);
    // Bea's org is not Dana's.
    expect(everyone.some((p) => p.id === uid(1001))).toBe(false);
  });

  it("moves people.notes to person_notes written by the top person, leaving blank notes behind", () => {
    const expected = before
      .people!.filter((p) => typeof p.notes === "string" && p.notes.trim() !== "")
      .map((p) => ({
        org_id: p.owner_id,
        person_id: p.id,
        author_person_id: top[p.owner_id as string],
        body: p.notes,
        updated_at: p.updated_at,
      }));
    expect(expected).toHaveLength(4);
    expect(sorted(after.person_notes!)).toEqual(sorted(expected));
  });

  it("has the directs (manager_id null) report to the top person, and no one else at the top", () => {
    const tops = new Set(Object.values(top));
    expect(
      after
        .people!.filter((p) => p.manager_id === null)
        .map((p) => p.id)
        .sort(),
    ).toEqual([...tops].sort());
    const directs = before.people!.filter((p) => p.manager_id === null);
    expect(directs.length).toBe(9); // Dana's 6 directs and her archived one, Bea's 2
    for (const d of directs) expect(after.people!.find((p) => p.id === d.id)!.manager_id).toBe(top[d.owner_id as string]);
  });

  it("fills the closure table for every person's line up to the top", () => {
    expect(sorted(after.person_ancestors!)).toEqual(sorted(closureOf(after.people!)));
    // Mei → Amara → Priya → Dana's top person: three levels under the top.
    const mei = after.people!.find((p) => p.name === "Mei Tanaka")!;
    expect(after.person_ancestors!.find((a) => a.descendant_id === mei.id && a.ancestor_id === top[DANA])!.depth).toBe(3);
  });

  it("records every migration as applied, and a second run does nothing", async () => {
    const [row] = (await database.query(`select count(*)::int as n from drizzle.__drizzle_migrations`, [])) as { n: number }[];
    expect(Number(row!.n)).toBeGreaterThan(BEFORE_ORGANISATIONS);
    await applyMigrations(database.db);
    expect(await exportTables(database.query)).toEqual(after);
  });
});

describe("migration 0010 fails as a whole", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateTo(database.db, BEFORE_ORGANISATIONS);
    await insertOldData(database.query);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const applied = async () =>
    Number(((await database.query(`select count(*)::int as n from drizzle.__drizzle_migrations`, [])) as { n: number }[])[0]!.n);

  it("leaves the old schema and every row as they were when a statement fails late in it, and runs again once the data is fixed", async () => {
    // Two people managing each other: the closure table's insert, near the end, breaks its primary key.
    await database.query(`update people set manager_id = $1 where id = $2`, [uid(101), uid(100)]);
    await database.query(`update people set manager_id = $1 where id = $2`, [uid(100), uid(101)]);
    const before = await exportTables(database.query);
    await expect(applyMigrations(database.db)).rejects.toThrow(/person_ancestors/);
    expect(await exportTables(database.query)).toEqual(before);
    expect(await applied()).toBe(BEFORE_ORGANISATIONS);

    await database.query(`update people set manager_id = null where id = $1`, [uid(100)]);
    await applyMigrations(database.db);
    expect(await applied()).toBeGreaterThan(BEFORE_ORGANISATIONS);
    const [row] = (await database.query(`select count(*)::int as n from organisations`, [])) as { n: number }[];
    expect(Number(row!.n)).toBe(3);
  });
});
