import { describe, expect, it } from "vitest";
import { tenantKeyViolations, tenantTables } from "./tenant-key";

const tables = new Set(["people", "person_ancestors", "targets", "metrics", "check_ins"]);
const bad = (sql: string) => tenantKeyViolations(sql, tables).map((v) => v.table);

describe("the tenant key check", () => {
  it("finds the tenant tables in the schema", () => {
    const found = tenantTables();
    expect(found.has("people")).toBe(true);
    expect(found.has("person_ancestors")).toBe(true);
    expect(found.has("users")).toBe(false);
    expect(found.has("organisations")).toBe(false);
  });

  it("accepts statements that name the organisation of every tenant table", () => {
    expect(bad(`select "id" from "people" where ("people"."org_id" = $1 and "people"."id" = $2)`)).toEqual([]);
    expect(
      bad(
        `select "people"."id" from "people" where "people"."org_id" = $1 and exists (select 1 from "person_ancestors" where "person_ancestors"."org_id" = $2 and "person_ancestors"."descendant_id" = "people"."id")`,
      ),
    ).toEqual([]);
    expect(bad(`select m.id from "metrics" m join "targets" t on t.id = m.target_id and t.org_id = m.org_id where m.org_id = $1`)).toEqual(
      [],
    );
    expect(bad(`select 1 from "people" "manager" where "manager"."org_id" = $1`)).toEqual([]);
    expect(bad(`insert into "people" ("id", "org_id", "name") values ($1, $2, $3) on conflict do update set "name" = $4`)).toEqual([]);
    expect(bad(`update "targets" set "title" = $1 where ("targets"."org_id" = $2 and "targets"."id" = $3) returning "id"`)).toEqual([]);
    expect(bad(`delete from "check_ins" where "check_ins"."org_id" = $1`)).toEqual([]);
    expect(bad(`select extract(epoch from "people"."start_date") from "people" where org_id = $1`)).toEqual([]);
    expect(bad(`select * from "users" where "users"."id" = $1 for update`)).toEqual([]);
  });

  it("refuses a tenant table whose organisation is not named", () => {
    expect(bad(`select "id" from "people" where "people"."id" = $1`)).toEqual(["people"]);
    // The outer table's key does not cover the subquery's own reference to the same table.
    expect(bad(`select 1 from "people" where "people"."org_id" = $1 and exists (select 1 from "people" where "people"."id" = $2)`)).toEqual(
      ["people"],
    );
    expect(bad(`select 1 from "metrics" m join "targets" t on t.id = m.target_id where m.org_id = $1`)).toEqual(["targets"]);
    expect(bad(`select 1 from "metrics" m, "targets" t where m.org_id = $1 and t.id = m.target_id`)).toEqual(["targets"]);
    expect(bad(`insert into "people" ("id", "name") values ($1, $2)`)).toEqual(["people"]);
    expect(bad(`update "targets" set "title" = $1 where "targets"."id" = $2`)).toEqual(["targets"]);
    expect(bad(`delete from "check_ins" where "check_ins"."metric_id" = $1`)).toEqual(["check_ins"]);
    // Selecting the key is not a condition on it.
    expect(
      bad(
        `select "people"."org_id", "targets"."title" from "people" left join "targets" on "targets"."id" = "people"."id" where "people"."org_id" = $1`,
      ),
    ).toEqual(["targets"]);
    // A subquery's condition on its own "targets" does not cover the outer join's.
    expect(
      bad(
        `select 1 from "people" left join "targets" on "targets"."id" = "people"."id" where "people"."org_id" = $1 and exists (select 1 from "targets" where "targets"."org_id" = $2)`,
      ),
    ).toEqual(["targets"]);
    // Each arm of a UNION is a scope of its own.
    expect(bad(`(select id from "people" where org_id = $1) union all (select id from "people" where id = $2)`)).toEqual(["people"]);
    expect(
      bad(`select id from "people" where org_id = $1 union all select p.id from chain c join "people" p on p.org_id = c.org_id`),
    ).toEqual([]);
    // A bare org_id is enough only when the scope reaches one tenant table.
    expect(bad(`select 1 from "metrics" m join "targets" t on t.id = m.target_id where org_id = $1`)).toEqual(["metrics", "targets"]);
  });
});
