import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people } from "@/server/db/schema/index";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember } from "@/test/factories";
import { listTargets } from "@/server/services/targets/targets.read";

// Home's targets in trouble (issue #20): off track and at risk are chosen, ordered and limited in
// SQL (health.sql.ts), and only those are summarised. The card must be what it was when every
// target near the actor was summarised in TypeScript and the first eight in trouble kept.
const database = useTestDatabase();
const db = () => database.current.db;

describe("Home's targets in trouble", () => {
  it("are the first eight off track or at risk near the actor, as the whole list judged them", async () => {
    const user = await createUser(db());
    await user.caller.people.loadDemo();
    const reports = await db()
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.orgId, user.actor.orgId), eq(people.managerId, user.actor.personId), isNull(people.archivedAt)));
    expect(reports.length).toBeGreaterThan(1);
    // More in trouble than the card shows: overdue with no check-in (off track), owned by a direct report.
    for (let i = 0; i < 10; i++) {
      const t = await user.caller.targets.create({
        title: `Overdue ${String(i).padStart(2, "0")}`,
        kind: "speed",
        ownerIds: [reports[i % reports.length]!.id],
        startDate: "2025-01-01",
        dueDate: `2025-06-${String(10 + i).padStart(2, "0")}`,
      });
      await user.caller.targets.addMetric({ targetId: t.id, name: "p99", unit: "ms", direction: "lower", baseline: 500, goal: 300 });
    }
    // A target a report controls, owned by their own report, in trouble: not near the actor.
    const reportPerson = reports[0]!;
    const [below] = await db()
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.orgId, user.actor.orgId), eq(people.managerId, reportPerson.id)));
    if (below) {
      const report = await joinAsMember(db(), user, reportPerson.id, { name: reportPerson.name });
      const far = await report.caller.targets.create({
        title: "Aaa far below",
        kind: "speed",
        ownerIds: [below.id],
        startDate: "2025-01-01",
        dueDate: "2025-02-01",
      });
      await report.caller.targets.addMetric({ targetId: far.id, name: "p99", unit: "ms", direction: "lower", baseline: 500, goal: 300 });
    }

    // The card as it was computed before: every active target near the actor, in the list's order, trouble kept.
    const near = new Set([user.actor.personId, ...reports.map((r) => r.id)]);
    const all = await listTargets(db(), user.actor, { status: "active" });
    const expected = all
      .filter((t) => t.controllerPersonId === user.actor.personId || t.owners.some((o) => near.has(o.id)))
      .filter((t) => t.health === "at_risk" || t.health === "off_track")
      .slice(0, 8)
      .map((t) => ({ id: t.id, title: t.title, health: t.health, dueDate: t.dueDate, owners: t.owners.map((o) => o.name) }));
    const home = await user.caller.home.summary();
    expect(expected).toHaveLength(8);
    expect(home.targets).toEqual(expected);
    expect(home.targets.map((t) => t.title)).not.toContain("Aaa far below");
  });
});
