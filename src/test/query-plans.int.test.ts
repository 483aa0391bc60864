import { describe, expect, it } from "vitest";
import { loadDemoOrganisation } from "@/server/services/demo/org.write";
import { useTestDatabase } from "./database";
import { createUser, type TestUser } from "./factories";
import { delegationOverview } from "@/server/services/delegation/tasks.read";
import { runHealthSweep } from "@/server/services/targets/health-sweep";
import { checkIns } from "@/server/db/schema/index";
import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/server/services/targets/targets.read";

/**
 * Every query behind the main pages can be answered from an index: with
 * sequential scans priced out (enable_seqscan = off), no plan may still scan
 * a whole table. A query with no usable index keeps its Seq Scan whatever the
 * setting, so this catches a missing index or an unindexable filter while the
 * test data is still small (bench/scale.ts measures the timings at size).
 */
const database = useTestDatabase();

type Page = { name: string; run: (u: TestUser, ids: { personId: string; targetId: string; metricId: string }) => Promise<unknown> };

/** A list's first page, then the next one when there is one (so the keyset's "after" is explained too). */
async function nextPage(call: (cursor?: string) => Promise<{ nextCursor: string | null }>) {
  const first = await call();
  return first.nextCursor ? call(first.nextCursor) : first;
}
const PAGES: Page[] = [
  { name: "people.list", run: (u) => u.caller.people.list({}) },
  // The next pages (keyset after a cursor) in the name order and in a mixed-direction one, and a search.
  {
    name: "people.list, next page by name",
    run: async (u) => u.caller.people.list({ cursor: (await u.caller.people.list({ limit: 3 })).nextCursor }),
  },
  {
    name: "people.list, next page by level",
    run: async (u) => u.caller.people.list({ sort: "level", cursor: (await u.caller.people.list({ sort: "level", limit: 3 })).nextCursor }),
  },
  {
    name: "people.list, next page by start date, descending, archived included",
    run: async (u) => {
      const input = { sort: "startDate", sortDirection: "desc", includeArchived: true } as const;
      return u.caller.people.list({ ...input, cursor: (await u.caller.people.list({ ...input, limit: 3 })).nextCursor });
    },
  },
  { name: "people.list, searched", run: (u) => u.caller.people.list({ search: "so", sort: "manager" }) },
  // The palette's search, which its person chooser (add a talking point for…) uses too.
  { name: "home.search", run: (u) => u.caller.home.search({ query: "sofia" }) },
  { name: "people.get", run: (u, ids) => u.caller.people.get({ id: ids.personId }) },
  { name: "targets.list", run: (u) => u.caller.targets.list({ status: "active" }) },
  // The next page, filtered by health: the keyset and the health rank in SQL (services/targets/health.sql.ts).
  {
    name: "targets.list (next page, by health)",
    run: async (u) => {
      const first = await u.caller.targets.list({ status: "active", limit: 1 });
      return u.caller.targets.list({ status: "active", health: "off_track", limit: 2, cursor: first.nextCursor });
    },
  },
  // A check-in re-judges its target's stored health (services/targets/health.stored.ts): by primary key and (metric_id, at).
  { name: "targets.addCheckIn", run: (u, ids) => u.caller.targets.addCheckIn({ metricId: ids.metricId, value: 1 }) },
  // The sweep's pick of expired ranks (index targets_health_valid_idx), after a write no writer re-judged.
  {
    name: "the health sweep",
    run: async (_u, ids) => {
      await database.current.db.update(checkIns).set({ note: "edited" }).where(eq(checkIns.metricId, ids.metricId));
      return runHealthSweep(database.current.db);
    },
  },
  // The check-ins' triggers keep each metric's latest (migration 0027): their statement, read from the
  // database's own function (a trigger's statements are not the driver's), explained for one metric.
  {
    name: "the metric latest trigger",
    run: async (_u, ids) => {
      const db = database.current.db;
      const [fn] = rowsOf<{ body: string }>(
        await db.execute(sql`select prosrc as body from pg_proc where proname = 'metrics_latest_refresh'`),
      );
      database.current.statements.length = 0;
      const parts = fn!.body.split(/\bids\b/);
      return db.execute(
        sql.join(
          parts.map((p) => sql.raw(p)),
          sql`${`{${ids.metricId}}`}::uuid[]`,
        ),
      );
    },
  },
  { name: "targets.exportCsv", run: (u) => u.caller.targets.exportCsv() },
  { name: "targets.get", run: (u, ids) => u.caller.targets.get({ id: ids.targetId }) },
  // Cascading targets: the walks down and up the parent links (index targets_org_parent_idx, and the primary key).
  { name: "targets.tree", run: (u, ids) => u.caller.targets.tree({ id: ids.targetId }) },
  { name: "targets.trees", run: (u) => u.caller.targets.trees() },
  // Keyset pages (issue #20): the next page too, whose "after the cursor" must stay an index range.
  { name: "targets.trees (next page)", run: (u) => nextPage((cursor) => u.caller.targets.trees({ limit: 1, cursor })) },
  { name: "targets.treeBranch", run: (u, ids) => u.caller.targets.treeBranch({ id: ids.targetId }) },
  {
    name: "targets.checkIns",
    run: (u, ids) => nextPage((cursor) => u.caller.targets.checkIns({ metricId: ids.metricId, limit: 2, cursor })),
  },
  { name: "delegation.overview", run: (u) => u.caller.delegation.overview() },
  { name: "delegation.overview (all)", run: (u) => u.caller.delegation.overview({ all: true }) },
  // Away from UTC the trend also reads the level changes near each month's start (delegation/autonomy-trend.read.ts).
  {
    name: "delegation.overview (all, at UTC+14)",
    run: (u) => delegationOverview(database.current.db, { ...u.actor, timeZone: "Pacific/Kiritimati" }, { all: true }),
  },
  { name: "delegation.review", run: (u, ids) => u.caller.delegation.review({ personId: ids.personId }) },
  { name: "oneOnOnes.overview", run: (u) => u.caller.oneOnOnes.overview() },
  { name: "oneOnOnes.forPerson", run: (u, ids) => u.caller.oneOnOnes.forPerson({ personId: ids.personId }) },
  {
    name: "oneOnOnes.history",
    run: (u, ids) => nextPage((cursor) => u.caller.oneOnOnes.history({ personId: ids.personId, limit: 2, cursor })),
  },
  { name: "oneOnOnes.others", run: (u) => nextPage((cursor) => u.caller.oneOnOnes.others({ limit: 1, cursor })) },
  { name: "oneOnOnes.search", run: (u) => nextPage((cursor) => u.caller.oneOnOnes.search({ query: "the", limit: 2, cursor })) },
  { name: "oneOnOnes.prep", run: (u, ids) => u.caller.oneOnOnes.prep({ personId: ids.personId }) },
  { name: "energy.week", run: (u) => u.caller.energy.week({}) },
  { name: "capacity.plan", run: (u) => u.caller.capacity.plan({}) },
  { name: "calendarAudit.week", run: (u) => u.caller.calendarAudit.week({}) },
  { name: "home.summary", run: (u) => u.caller.home.summary() },
  // The other pages bench/scale.ts measures on the org-size account (issue #20): the inbox, search, the org chart.
  { name: "inbox.list", run: (u) => u.caller.inbox.list({}) },
  { name: "home.search", run: (u) => u.caller.home.search({ query: "Pr" }) },
  { name: "people.orgChart", run: (u) => u.caller.people.orgChart() },
];

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

function seqScans(node: PlanNode): string[] {
  const own = node["Node Type"] === "Seq Scan" ? [node["Relation Name"] ?? "?"] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

/** EXPLAIN with sequential scans priced out, on a connection of its own (PostgreSQL) or the one PGlite has. */
async function explainer() {
  const current = database.current;
  if (!current.url) {
    await current.query("set enable_seqscan = off", []);
    return { explain: (text: string, params: unknown[]) => current.query(`explain (format json) ${text}`, params), close: async () => {} };
  }
  const { default: postgres } = await import("postgres");
  const sql = postgres(current.url, { max: 1, onnotice: () => {}, connection: { enable_seqscan: "off" } });
  return {
    explain: async (text: string, params: unknown[]) => [...(await sql.unsafe(`explain (format json) ${text}`, params as never[]))],
    close: () => sql.end(),
  };
}

describe("query plans of the main pages", () => {
  it("scan no table sequentially", async () => {
    const user = await createUser(database.current.db);
    await loadDemoOrganisation(database.current.db, user.actor);
    const overview = await user.caller.oneOnOnes.overview();
    const personId = overview.people.find((p) => p.lastHeldAt)!.id;
    const targetId = (await user.caller.targets.list({ status: "active" })).items[0]!.id;
    // A sub-target under it, so that its tree has a branch to walk (and the lists a "part of").
    await user.caller.targets.create({
      title: "A sub-target",
      kind: "speed",
      ownerIds: [personId],
      parentId: targetId,
      startDate: "2026-01-01",
      dueDate: "2026-12-31",
    });
    // A metric with a few check-ins, for its pages.
    const metrics = (await user.caller.targets.get({ id: targetId })).metrics;
    const metricId = (metrics.find((m) => m.recent.length > 2) ?? metrics[0]!).id;
    const { explain, close } = await explainer();
    const found: string[] = [];
    try {
      for (const page of PAGES) {
        database.current.statements.length = 0;
        await page.run(user, { personId, targetId, metricId });
        const statements = [...database.current.statements];
        expect(statements.length, page.name).toBeGreaterThan(0);
        for (const statement of statements) {
          const [row] = (await explain(statement.sql, statement.params)) as { "QUERY PLAN": { Plan: PlanNode }[] | string }[];
          const plan = row!["QUERY PLAN"];
          const root = (typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan as PlanNode;
          for (const table of seqScans(root)) found.push(`${page.name}: Seq Scan on ${table} in ${statement.sql.slice(0, 160)}`);
        }
      }
    } finally {
      await close();
    }
    expect(found).toEqual([]);
  });

  it("read the inbox's page in its index's order: no sort of the recipient's items", async () => {
    // An index of another null order (drizzle's .desc() writes "desc nulls last") cannot give
    // "order by created_at desc, id desc": PostgreSQL then read and sorted every item (migration 0024).
    const user = await createUser(database.current.db);
    database.current.statements.length = 0;
    await user.caller.inbox.list({});
    const [batch] = database.current.statements;
    const { explain, close } = await explainer();
    try {
      const [row] = (await explain(batch!.sql, batch!.params)) as { "QUERY PLAN": { Plan: PlanNode }[] | string }[];
      const plan = row!["QUERY PLAN"];
      const root = (typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan as PlanNode;
      const nodes = (n: PlanNode): string[] => [n["Node Type"], ...(n.Plans ?? []).flatMap(nodes)];
      expect(nodes(root).filter((t) => t.includes("Sort"))).toEqual([]);
    } finally {
      await close();
    }
  });

  it("answer the palette's search from the trigram indexes at size, not by reading the organisation's targets and notes", async () => {
    const current = database.current;
    // The first test priced sequential scans out of PGlite's one connection: here the planner chooses freely.
    if (!current.url) await current.query("reset enable_seqscan", []);
    const manager = await createUser(current.db);
    const report = await manager.caller.people.create({
      name: "Sofia Alvarez",
      track: "ic",
      level: "senior",
      managerId: manager.actor.personId,
      cadence: "weekly",
    });
    const target = await manager.caller.targets.create({
      title: "Checkout latency under 300 ms",
      kind: "speed",
      ownerIds: [report.id],
      startDate: "2026-01-01",
      dueDate: "2026-12-31",
    });
    const note = await manager.caller.oneOnOnes.addNote({
      personId: report.id,
      kind: "coaching",
      body: "The checkout latency work slipped",
    });
    // Thousands of other targets and notes the manager sees, none of them a match.
    await current.query(
      `insert into targets (org_id, controller_person_id, title, kind, status, start_date, due_date)
       select org_id, controller_person_id, 'Quarterly goal ' || g || ' ' || md5(g::text), kind, status, start_date, due_date
       from targets, generate_series(1, 3000) g where id = $1`,
      [target.id],
    );
    await current.query(
      `insert into coaching_notes (org_id, person_id, author_person_id, kind, body)
       select org_id, person_id, author_person_id, kind, 'Went well in week ' || g || ' ' || md5(g::text)
       from coaching_notes, generate_series(1, 3000) g where id = $1`,
      [note.id],
    );
    await current.query("analyze targets", []);
    await current.query("analyze coaching_notes", []);

    current.statements.length = 0;
    const found = await manager.caller.home.search({ query: "checkout latency" });
    expect(found.targets.map((t) => t.id)).toEqual([target.id]);
    expect(found.notes.map((n) => n.id)).toEqual([note.id]);
    const plans = await Promise.all(
      current.statements.map(async (statement) => {
        const [row] = (await current.query(`explain (format json) ${statement.sql}`, statement.params)) as { "QUERY PLAN": unknown }[];
        const plan = row!["QUERY PLAN"];
        const root = (typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan as PlanNode;
        return { sql: statement.sql, root, text: JSON.stringify(root) };
      }),
    );
    const planOf = (table: string) => plans.find((p) => p.sql.includes(`from "${table}"`))!.text;
    expect(planOf("targets")).toContain("targets_title_trgm_idx");
    expect(planOf("coaching_notes")).toContain("coaching_notes_body_trgm_idx");
    // No scan of those tables filters on the match (the policy's "do I control any target" probe, an
    // exists that stops at its first row, may scan: every target here is the manager's).
    const matchScans = (node: PlanNode & { Filter?: string }): string[] => [
      ...(node["Node Type"] === "Seq Scan" &&
      ["targets", "coaching_notes"].includes(node["Relation Name"] ?? "") &&
      node.Filter?.includes("~~*")
        ? [`${node["Relation Name"]}: ${node.Filter}`]
        : []),
      ...(node.Plans ?? []).flatMap(matchScans),
    ];
    const scanned = plans.flatMap((p) => matchScans(p.root));
    expect(scanned).toEqual([]);

    // A typed word of two letters has no trigram: as an index condition it would match every entry of the
    // index (the org-size account's notes read all of theirs for the "0" of "Person 0"). It only filters.
    current.statements.length = 0;
    const short = await manager.caller.home.search({ query: "checkout latency la" });
    expect(short.targets.map((t) => t.id)).toEqual([target.id]);
    expect(short.notes.map((n) => n.id)).toEqual([note.id]);
    const indexConditions = (node: PlanNode & { "Index Cond"?: string; "Recheck Cond"?: string }): string[] => [
      ...[node["Index Cond"], node["Recheck Cond"]].filter((c): c is string => !!c),
      ...(node.Plans ?? []).flatMap(indexConditions),
    ];
    for (const statement of current.statements) {
      const [row] = (await current.query(`explain (format json) ${statement.sql}`, statement.params)) as { "QUERY PLAN": unknown }[];
      const plan = row!["QUERY PLAN"];
      const root = (typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan as PlanNode;
      expect(indexConditions(root).filter((c) => c.includes("'%la%'"))).toEqual([]);
    }
  });
});
