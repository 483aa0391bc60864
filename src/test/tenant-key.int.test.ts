import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./database";
import { createUser, joinAsMember, type TestUser } from "./factories";
import { digestMail } from "@/server/services/inbox/digest.write";
import { calendarFeedFor } from "@/server/services/one-on-ones/calendar-feed.read";
import { tenantKeyViolations, tenantTables } from "./tenant-key";
import { encodeCursor } from "@/lib/keyset";
import { delegationOverview } from "@/server/services/delegation/tasks.read";

/**
 * The tenant key (issue #16): every statement the main procedures run names
 * the organisation of every tenant table it touches (src/test/tenant-key.ts
 * says how that is read from the SQL). Run on the demo organisation, with the
 * SQL recorded by the test database's query log, as the query-count tests do.
 */
const database = useTestDatabase();

/**
 * Statements left as they are on purpose, each with its reason. Keep this list
 * short: a new entry needs the reason a condition on org_id cannot be added.
 */
const KNOWN: { table: string; alias: string; fragment: string; why: string }[] = [
  {
    table: "level_changes",
    alias: "lc",
    fragment: `(select max(lc.at) from "level_changes" as lc where lc.task_id = "tasks"."id")`,
    why: "delegation/tasks.read.ts levelSince: the same-org foreign key ties a level change to its task's org, and an org_id condition made the planner AND in the org index (see the comment there)",
  },
];

type Step = { name: string; run: (u: TestUser) => Promise<unknown> };

describe("the tenant key", () => {
  it("is named by every statement of the main procedures", async () => {
    const user = await createUser(database.current.db);
    const ids: Record<string, string> = {};
    const steps: Step[] = [
      { name: "people.loadDemo", run: (u) => u.caller.people.loadDemo() },
      {
        name: "people.list",
        run: async (u) => {
          const list = (await u.caller.people.list({ sort: "level" })).items;
          ids.person = list.find((p) => p.track === "ic" && p.managerId === null)!.id; // a direct report: their prep is mine
          ids.manager = list.find((p) => p.track === "manager")!.id;
        },
      },
      { name: "people.list (filtered)", run: (u) => u.caller.people.list({ managerId: ids.manager, search: "a" }) },
      { name: "people.options", run: (u) => u.caller.people.options() },
      {
        name: "people.get",
        run: (u) => u.caller.people.get({ id: ids.person! }),
      },
      { name: "people.orgChart", run: (u) => u.caller.people.orgChart() },
      { name: "people.orgChartBranch", run: (u) => u.caller.people.orgChartBranch({ id: ids.person! }) },
      {
        name: "people.create",
        run: async (u) => {
          const created = await u.caller.people.create({
            name: "New Report",
            track: "ic",
            level: "staff",
            managerId: ids.manager!,
            cadence: "weekly",
          });
          ids.created = created.id;
        },
      },
      {
        name: "people.update",
        run: (u) =>
          u.caller.people.update({
            id: ids.created!,
            version: 1,
            name: "Renamed Report",
            track: "ic",
            level: "staff",
            managerId: null,
            cadence: "fortnightly",
          }),
      },
      // The update above moved the new report from the manager to the user: a hand-over to the user.
      { name: "handovers.latest", run: (u) => u.caller.handovers.latest({ personId: ids.created! }) },
      { name: "handovers.page", run: (u) => u.caller.handovers.page({ personId: ids.created! }) },
      {
        name: "handovers.saveNote",
        run: async (u) => {
          // Moved back: now the user is the old manager, who writes the note (a first save, then an edit).
          await u.caller.people.update({
            id: ids.created!,
            version: 2,
            name: "Renamed Report",
            track: "ic",
            level: "staff",
            managerId: ids.manager!,
            cadence: "fortnightly",
          });
          const handover = (await u.caller.handovers.latest({ personId: ids.created! }))!;
          const note = await u.caller.handovers.saveNote({ handoverId: handover.id, body: "Ready for more", version: 0 });
          await u.caller.handovers.saveNote({ handoverId: handover.id, body: "Ready for much more", version: note.version });
          await u.caller.handovers.page({ personId: ids.created! });
          // And back to the user, whose report the steps below take them for.
          await u.caller.people.update({
            id: ids.created!,
            version: 3,
            name: "Renamed Report",
            track: "ic",
            level: "staff",
            managerId: null,
            cadence: "fortnightly",
          });
        },
      },
      { name: "areas.list", run: (u) => u.caller.areas.list() },
      {
        name: "targets.list",
        run: async (u) => {
          ids.target = (await u.caller.targets.list({ status: "active" })).items[0]!.id;
        },
      },
      {
        name: "targets.get",
        run: async (u) => {
          const target = await u.caller.targets.get({ id: ids.target! });
          const metric = (target as unknown as { metrics: { id: string; kind?: string }[] }).metrics.find((m) => m.kind !== "milestone");
          if (metric) ids.metric = metric.id;
        },
      },
      {
        name: "targets.create",
        run: async (u) => {
          const target = await u.caller.targets.create({
            title: "Tenant key target",
            kind: "speed",
            ownerIds: [ids.person!],
            startDate: "2026-01-01",
            dueDate: "2026-12-31",
          });
          ids.newTarget = target.id;
        },
      },
      {
        name: "targets.addMetric",
        run: async (u) => {
          const metric = await u.caller.targets.addMetric({
            targetId: ids.newTarget!,
            name: "Latency",
            direction: "lower",
            baseline: 100,
            goal: 50,
          });
          ids.newMetric = metric.id;
        },
      },
      {
        name: "targets.importOpenSlo",
        run: async (u) => {
          const yaml = readFileSync(path.resolve(import.meta.dirname, "fixtures/openslo/ratio-inline.yaml"), "utf8");
          ids.sloTarget = (
            await u.caller.targets.importOpenSlo({ yaml, ownerIds: [ids.person!], startDate: "2026-01-01", dueDate: "2026-12-31" })
          ).id;
        },
      },
      { name: "targets.exportOpenSlo", run: (u) => u.caller.targets.exportOpenSlo({ targetId: ids.sloTarget! }) },
      { name: "targets.get (with its SLO)", run: (u) => u.caller.targets.get({ id: ids.sloTarget! }) },
      { name: "targets.addCheckIn", run: (u) => u.caller.targets.addCheckIn({ metricId: ids.newMetric!, value: 80, at: new Date() }) },
      { name: "targets.checkIns", run: (u) => u.caller.targets.checkIns({ metricId: ids.newMetric! }) },
      {
        name: "targets.addComment",
        run: async (u) => {
          ids.comment = (await u.caller.targets.addComment({ targetId: ids.newTarget!, body: "Cache warmed" })).id;
        },
      },
      {
        name: "targets.comments",
        run: async (u) => {
          await u.caller.targets.addComment({ targetId: ids.newTarget!, body: "Second" });
          const page = await u.caller.targets.comments({ targetId: ids.newTarget! });
          // The keyset of a later page, as the thread's "earlier comments" asks for it.
          await u.caller.targets.comments({
            targetId: ids.newTarget!,
            cursor: `${page.items[1]!.createdAt.toISOString()}_${page.items[1]!.id}`,
          });
        },
      },
      { name: "targets.deleteComment", run: (u) => u.caller.targets.deleteComment({ id: ids.comment! }) },
      {
        name: "targets.saveStatus",
        run: async (u) => {
          const first = await u.caller.targets.saveStatus({ targetId: ids.newTarget!, body: "On track", version: 0 });
          await u.caller.targets.saveStatus({ targetId: ids.newTarget!, body: "Still on track", version: first.version });
        },
      },
      { name: "targets.statusUpdates", run: (u) => u.caller.targets.statusUpdates({ targetId: ids.newTarget! }) },
      {
        // A sub-target under the new target, its tree (the walks down and up), the trees page, a move out and back, and a refused delete.
        name: "targets.create (a sub-target)",
        run: async (u) => {
          const sub = await u.caller.targets.create({
            title: "Tenant key sub-target",
            kind: "speed",
            ownerIds: [ids.person!],
            parentId: ids.newTarget!,
            startDate: "2026-01-01",
            dueDate: "2026-12-31",
          });
          ids.subTarget = sub.id;
        },
      },
      { name: "targets.tree", run: (u) => u.caller.targets.tree({ id: ids.subTarget! }) },
      { name: "targets.trees", run: (u) => u.caller.targets.trees() },
      { name: "targets.treeBranch", run: (u) => u.caller.targets.treeBranch({ id: ids.newTarget! }) },
      { name: "targets.list (part of)", run: (u) => u.caller.targets.list({}) },
      {
        name: "targets.setParent",
        run: async (u) => {
          const out = await u.caller.targets.setParent({ id: ids.subTarget!, parentId: null, version: 1 });
          await u.caller.targets.setParent({ id: ids.subTarget!, parentId: ids.newTarget!, version: out.version });
        },
      },
      {
        name: "targets.delete (refused: it has a sub-target)",
        run: async (u) => {
          await u.caller.targets.delete({ id: ids.newTarget! }).then(
            () => {
              throw new Error("a target with a sub-target was deleted");
            },
            (error: { code?: string }) => {
              if (error.code !== "CONFLICT") throw error;
            },
          );
        },
      },
      { name: "delegation.overview", run: (u) => u.caller.delegation.overview() },
      { name: "delegation.review", run: (u) => u.caller.delegation.review({ personId: ids.person! }) },
      {
        name: "delegation.createTask",
        run: async (u) => {
          ids.task = (
            await u.caller.delegation.createTask({ personId: ids.person!, title: "Own the on-call rota", competency: 3, criticality: 3 })
          ).id;
        },
      },
      {
        name: "delegation.setLevel",
        run: async (u) =>
          u.caller.delegation.setLevel({
            id: ids.task!,
            levelId: (await u.caller.delegation.activeSpectrum()).levels[4]!.id,
            reason: null,
          }),
      },
      { name: "delegation.overview (all)", run: (u) => u.caller.delegation.overview({ all: true }) },
      // Away from UTC, the trend also reads the level changes near each month's start (delegation/autonomy-trend.read.ts).
      {
        name: "delegation.overview (all, at UTC+14)",
        run: (u) => delegationOverview(database.current.db, { ...u.actor, timeZone: "Pacific/Kiritimati" }, { all: true }),
      },
      { name: "delegation.history", run: (u) => u.caller.delegation.history({ id: ids.task! }) },
      {
        name: "delegation.startPoker",
        run: async (u) => {
          const round = await u.caller.delegation.startPoker({ taskIds: [ids.task!] });
          ids.round = round.id;
          ids.pokerItem = round.items[0]!.id;
        },
      },
      {
        name: "delegation.pokerPick",
        run: async (u) =>
          u.caller.delegation.pokerPick({ itemId: ids.pokerItem!, levelId: (await u.caller.delegation.activeSpectrum()).levels[1]!.id }),
      },
      { name: "delegation.pokerRounds", run: (u) => u.caller.delegation.pokerRounds() },
      { name: "delegation.activity", run: (u) => u.caller.delegation.activity({ id: ids.task! }) },
      { name: "delegation.endPoker", run: (u) => u.caller.delegation.endPoker({ id: ids.round! }) },
      { name: "delegation.delegatedToMe", run: (u) => u.caller.delegation.delegatedToMe() },
      { name: "oneOnOnes.overview", run: (u) => u.caller.oneOnOnes.overview() },
      { name: "oneOnOnes.prep", run: (u) => u.caller.oneOnOnes.prep({ personId: ids.person! }) },
      { name: "oneOnOnes.forPerson", run: (u) => u.caller.oneOnOnes.forPerson({ personId: ids.person! }) },
      { name: "oneOnOnes.history", run: (u) => u.caller.oneOnOnes.history({ personId: ids.person! }) },
      { name: "oneOnOnes.others", run: (u) => u.caller.oneOnOnes.others({}) },
      {
        name: "oneOnOnes.schedule",
        run: (u) => u.caller.oneOnOnes.schedule({ personId: ids.created!, scheduledAt: new Date(Date.now() + 2 * 86_400_000) }),
      },
      { name: "oneOnOnes.search", run: (u) => u.caller.oneOnOnes.search({ query: "the" }) },
      { name: "home.summary", run: (u) => u.caller.home.summary() },
      { name: "home.search", run: (u) => u.caller.home.search({ query: "the" }) },
      { name: "capacity.plan", run: (u) => u.caller.capacity.plan({}) },
      { name: "energy.week", run: (u) => u.caller.energy.week({}) },
      {
        name: "energy.log",
        run: (u) => u.caller.energy.log({ day: new Date().toISOString().slice(0, 10), slot: "start", level: 7, tags: ["focus"] }),
      },
      {
        name: "oneOnOnes.addPoint by the report (an inbox item for the manager)",
        run: async (u) => {
          const report = await joinAsMember(database.current.db, u, ids.person!);
          database.current.queries.length = 0; // the joining is the test's, not a procedure's
          await report.caller.oneOnOnes.addPoint({ personId: ids.person!, topic: "team", body: "For the inbox" });
        },
      },
      {
        name: "inbox.list",
        run: async (u) => {
          ids.item = (await u.caller.inbox.list()).items[0]!.id;
        },
      },
      {
        name: "inbox.list (unread, a later page)",
        run: (u) => u.caller.inbox.list({ unreadOnly: true, cursor: encodeCursor([new Date().toISOString(), ids.item!]) }),
      },
      { name: "inbox.unreadCount", run: (u) => u.caller.inbox.unreadCount() },
      {
        name: "the digest email",
        run: (u) => digestMail(database.current.db, { ...u.actor, email: u.email, day: "", orgName: "Demo" }, "http://test.invalid"),
      },
      { name: "inbox.markRead", run: (u) => u.caller.inbox.markRead({ id: ids.item! }) },
      { name: "inbox.markAllRead", run: (u) => u.caller.inbox.markAllRead({ upTo: ids.item! }) },
      { name: "inbox.digest", run: (u) => u.caller.inbox.digest() },
      { name: "inbox.setDigest", run: (u) => u.caller.inbox.setDigest({ dailyDigest: true }) },
      { name: "calendar.createFeed", run: (u) => u.caller.calendar.createFeed() },
      { name: "calendar.feedStatus", run: (u) => u.caller.calendar.feedStatus() },
      // What the feed's URL serves, read as its member (the token's lookup by its hash is what names the organisation).
      { name: "the calendar feed", run: (u) => calendarFeedFor(database.current.db, u.actor, { origin: "http://test.invalid" }) },
      { name: "calendar.revokeFeed", run: (u) => u.caller.calendar.revokeFeed() },
      {
        name: "integrations.createDataSource",
        run: async (u) => {
          const made = await u.caller.integrations.createDataSource({
            name: "Prometheus",
            baseUrl: "http://127.0.0.1:9",
            authKind: "bearer",
            token: "tenant-key",
          });
          ids.source = made.id;
          ids.sourceVersion = String(made.version);
        },
      },
      { name: "integrations.dataSources", run: (u) => u.caller.integrations.dataSources() },
      {
        name: "integrations.updateDataSource",
        run: (u) =>
          u.caller.integrations.updateDataSource({
            id: ids.source!,
            version: Number(ids.sourceVersion),
            name: "Renamed",
            baseUrl: "http://127.0.0.1:9",
            authKind: "bearer",
          }),
      },
      { name: "integrations.testDataSource", run: (u) => u.caller.integrations.testDataSource({ id: ids.source! }) },
      { name: "integrations.deleteDataSource", run: (u) => u.caller.integrations.deleteDataSource({ id: ids.source! }) },
      { name: "account.export", run: (u) => u.caller.account.export({ includePrivate: true }) },
    ];

    const tables = tenantTables();
    expect(tables.size).toBeGreaterThan(20);
    const offenders: string[] = [];
    let checked = 0;
    for (const step of steps) {
      database.current.queries.length = 0;
      await step.run(user).catch((error: unknown) => {
        throw new Error(`${step.name} failed: ${String(error)}`, { cause: error });
      });
      for (const sql of database.current.queries) {
        checked++;
        const violations = tenantKeyViolations(sql, tables).filter(
          (v) => !KNOWN.some((k) => k.table === v.table && k.alias === v.alias && sql.includes(k.fragment)),
        );
        if (violations.length) offenders.push(`${step.name}: ${violations.map((v) => `${v.table} (${v.why})`).join(", ")}\n  ${sql}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(offenders, `statements that do not name the organisation:\n${offenders.join("\n\n")}`).toEqual([]);
  });
});
