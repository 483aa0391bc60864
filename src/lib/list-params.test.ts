import { describe, expect, it } from "vitest";
import { peopleFilters, peopleSearch } from "./people/list-params";
import { targetFilters, targetSearch } from "./targets/list-params";

const ID = "0b6f7c7e-8d1a-4c55-9a3b-2f1e0d9c8b7a";

describe("people list filters in the URL", () => {
  it("a bare URL is the list's default, as the page has always prefetched it", () => {
    expect(peopleFilters({})).toEqual({ sort: "name", sortDirection: "asc" });
    expect(peopleFilters(new URLSearchParams())).toEqual({ sort: "name", sortDirection: "asc" });
  });

  it("reads every filter, the same from the page's record and the browser's URLSearchParams", () => {
    const query = `q=%20sol%20&track=ic&level=staff&manager=me&area=${ID}&archived=1&sort=level&dir=desc`;
    const expected = {
      search: "sol",
      track: "ic",
      level: "staff",
      managerId: "me",
      areaId: ID,
      includeArchived: true,
      sort: "level",
      sortDirection: "desc",
    };
    expect(peopleFilters(new URLSearchParams(query))).toEqual(expected);
    expect(peopleFilters(Object.fromEntries(new URLSearchParams(query)))).toEqual(expected);
    expect(peopleFilters({ track: ["ic", "manager"] })).toMatchObject({ track: "ic" });
  });

  it("drops what the procedure would refuse (a hand-edited URL filters nothing, never a 400)", () => {
    expect(peopleFilters({ track: "wizard", level: "nope", manager: "x", area: "1", sort: "age", dir: "up", q: "   " })).toEqual({
      sort: "name",
      sortDirection: "asc",
    });
    expect(peopleFilters({ track: "ic", level: "em" })).toEqual({ track: "ic", sort: "name", sortDirection: "asc" });
  });

  it("writes the URL back without the defaults, and reads it again to the same filters", () => {
    expect(peopleSearch({ sort: "name", sortDirection: "asc" })).toBe("");
    const filters = peopleFilters({ q: "ana", track: "manager", level: "em", manager: ID, archived: "1", sort: "manager", dir: "desc" });
    expect(peopleFilters(new URLSearchParams(peopleSearch(filters)))).toEqual(filters);
  });
});

describe("targets list filters in the URL", () => {
  it("no status means the active targets, status=any every status", () => {
    expect(targetFilters({})).toEqual({ status: "active" });
    expect(targetFilters({ status: "any" })).toEqual({});
    expect(targetFilters({ status: "nonsense", kind: "x", owner: "1" })).toEqual({ status: "active" });
  });

  it("round-trips every filter", () => {
    const filters = targetFilters(new URLSearchParams(`status=achieved&kind=speed&owner=${ID}&area=${ID}`));
    expect(filters).toEqual({ status: "achieved", kind: "speed", personId: ID, areaId: ID });
    expect(targetFilters(new URLSearchParams(targetSearch(filters)))).toEqual(filters);
    expect(targetSearch({ status: "active" })).toBe("");
    expect(targetSearch({})).toBe("status=any");
  });

  it("filters by health, and ignores a health it does not know", () => {
    const filters = targetFilters(new URLSearchParams("health=off_track&mine=1"));
    expect(filters).toEqual({ status: "active", health: "off_track", mine: true });
    expect(targetSearch(filters)).toBe("mine=1&health=off_track");
    expect(targetFilters(new URLSearchParams(targetSearch(filters)))).toEqual(filters);
    expect(targetFilters({ health: "fine" })).toEqual({ status: "active" });
  });
});

describe("the lists' own parameter checks (no zod in the browser)", () => {
  // Each check must accept exactly what the procedure's field schema accepts, with the same value.
  const agree = (check: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }, schema: typeof check, value: string) => {
    const mine = check.safeParse(value);
    const theirs = schema.safeParse(value);
    expect(mine.success, JSON.stringify(value)).toBe(theirs.success);
    if (theirs.success) expect(mine.data).toEqual(theirs.data);
  };

  it("agree with listPeopleInput and listTargetsInput on generated values", async () => {
    const fc = (await import("fast-check")).default;
    const { listPeopleInput } = await import("@/lib/validators/people");
    const { listTargetsInput } = await import("@/lib/validators/targets");
    const { peopleParamChecks } = await import("./people/list-params");
    const { targetParamChecks } = await import("./targets/list-params");
    const people = listPeopleInput.unwrap().shape;
    const targets = listTargetsInput.unwrap().shape;
    const pairs = [
      ...Object.entries(peopleParamChecks).map(([key, check]) => [check, people[key as keyof typeof people]] as const),
      ...Object.entries(targetParamChecks).map(([key, check]) => [check, targets[key as keyof typeof targets]] as const),
    ];
    const words = ["me", "ic", "manager", "staff", "em", "name", "level", "asc", "desc", "active", "speed", "on_track", "any", "Name"];
    const pieces = fc.constantFrom(
      ...words,
      " ",
      "\u200b",
      "\u0000",
      "\t",
      "\n",
      "😀",
      "\ud800",
      "x".repeat(119),
      "é",
      ID,
      ID.toUpperCase(),
    );
    const values = fc.oneof(
      fc.uuid().map(String),
      fc.array(pieces, { maxLength: 6 }).map((p) => p.join("")),
      fc.string({ maxLength: 40 }),
      fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", ID.replace("4c55", "0c55")),
    );
    fc.assert(
      fc.property(values, (value) => {
        for (const [check, schema] of pairs) agree(check, schema as never, value);
      }),
      { numRuns: 500 },
    );
  });
});
