import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachingNotes } from "@/server/db/schema/index";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";
import { generateOrg } from "../../../../bench/support/generate-org";
import { rebuildChart } from "../people/chart.write";
import { rowsOf } from "../targets/targets.read";
import type { Actor } from "./actor";
import { inScope, inScopeFromReaders } from "./access";

// inScopeFromReaders is inScope written from the policy's reader rules (the ids
// they point at, then the same `see` rule): it must select exactly the same rows,
// for every actor, on an organisation with every kind of note the rule tells apart.

const db = useTestDatabase();

describe("the two forms of a policy's `see` rule", () => {
  it("select the same coaching notes for every person of a generated organisation, admin or not", async () => {
    const { db: d } = db.current;
    const vp = await createUser(d, { name: "Generated VP" });
    const { ids } = await generateOrg(d, vp, 40);
    const orgId = vp.actor.orgId;
    // Notes of every kind: private and shared, written by the person's manager, the person, a skip-level or anyone,
    // in a 1:1 or outside one, and people moved to another manager (their old one held 1:1s they no longer side).
    await d.execute(sql`update coaching_notes n set
        private = (abs(hashtext(n.id::text)) % 3 = 0),
        one_on_one_id = case when abs(hashtext(n.id::text || 'o')) % 4 = 0 then null else n.one_on_one_id end,
        author_person_id = case abs(hashtext(n.id::text || 'a')) % 4
          when 0 then n.person_id
          when 1 then coalesce((select p.manager_id from people p join people m on m.id = p.manager_id
                                where p.id = n.person_id and m.manager_id is not null), n.author_person_id)
          when 2 then ${ids[7]!}::uuid
          else n.author_person_id end
      where n.org_id = ${orgId}`);
    await d.execute(sql`update people p set manager_id = ${ids[1]!}::uuid
      where p.org_id = ${orgId} and p.id <> ${ids[1]!}::uuid and p.manager_id is not null and abs(hashtext(p.id::text)) % 5 = 0
        and not exists (select 1 from person_ancestors a where a.org_id = p.org_id and a.ancestor_id = p.id and a.descendant_id = ${ids[1]!}::uuid)`);
    await rebuildChart(d, orgId);
    const [kinds] = rowsOf<{ private: number; shared: number; held_by_other: number }>(
      await d.execute(sql`select count(*) filter (where n.private)::int as private, count(*) filter (where not n.private)::int as shared,
          count(*) filter (where o.manager_person_id is distinct from (select manager_id from people where id = n.person_id))::int as held_by_other
        from coaching_notes n left join one_on_ones o on o.id = n.one_on_one_id where n.org_id = ${orgId}`),
    );
    // The generated notes did land in each case (a test of nothing otherwise).
    expect(kinds!.private).toBeGreaterThan(10);
    expect(kinds!.shared).toBeGreaterThan(10);
    expect(kinds!.held_by_other).toBeGreaterThan(0);

    const idsSeen = async (where: SQLWhere) =>
      (await d.select({ id: coachingNotes.id }).from(coachingNotes).where(where)).map((r) => r.id).sort();
    let seenSomewhere = 0;
    for (const personId of ids)
      for (const role of ["admin", "member"] as const) {
        const actor: Actor = { ...vp.actor, personId, role };
        const plain = await idsSeen(inScope(coachingNotes, actor));
        expect(await idsSeen(inScopeFromReaders(coachingNotes, actor))).toEqual(plain);
        seenSomewhere += plain.length;
      }
    expect(seenSomewhere).toBeGreaterThan(0);
  }, 120_000);
});

type SQLWhere = ReturnType<typeof inScope>;
