import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";

// Issue #20: the overview used to read every person under the actor (2,000 on the org-size
// account) to list the few with tasks. It reads the people it shows: those with tasks or a trend.
const database = useTestDatabase();

describe("the delegation overview, bounded", () => {
  it("reads no person it does not show, however many are under the actor", async () => {
    const user = await createUser(database.current.db);
    const reports = [];
    for (let i = 0; i < 12; i++)
      reports.push(
        await user.caller.people.create({
          name: `Report ${String(i).padStart(2, "0")}`,
          track: "ic",
          level: "senior",
          managerId: user.actor.personId,
          cadence: "weekly",
        }),
      );
    for (const p of [reports[3]!, reports[7]!])
      await user.caller.delegation.createTask({ personId: p.id, title: `Rota of ${p.name}`, competency: 4, criticality: 2 });
    await user.caller.delegation.overview(); // makes the default spectrum, a one-time write
    for (const all of [false, true]) {
      database.current.statements.length = 0;
      const overview = await user.caller.delegation.overview({ all });
      expect(overview.people.map((p) => p.name)).toEqual(["Report 03", "Report 07"]);
      // Replay every statement that read the people table: none returned more people than shown.
      const reads = database.current.statements.filter((s) => /from "people"/i.test(s.sql));
      expect(reads.length).toBeGreaterThan(0);
      for (const s of reads) expect((await database.current.query(s.sql, s.params)).length).toBeLessThanOrEqual(2);
    }
  });
});
