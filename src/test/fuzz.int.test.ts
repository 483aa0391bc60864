import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { appRouter } from "@/server/api/root";
import { useTestDatabase } from "./database";
import { createUser, type TestUser } from "./factories";
import { foreignIdCases } from "./isolation/foreign-ids";
import { snapshotOwnedRows } from "./isolation/owned-rows";
import { makeWorld } from "./isolation/world";

// Every protected procedure, called with inputs made from its own input
// schema's keys and a pool of hostile values: nothing may fail as an internal
// error, input the schema refuses must answer BAD_REQUEST, and an owner id
// slipped into the input must never be stored (another user's rows stay as
// they were). The id pool holds the other user's ids of every kind beside the
// fuzzing user's own, so a foreign id lands in every id field. FUZZ_RUNS (default 200) and FUZZ_SEED (a number, or "random") set the run.

const db = useTestDatabase();
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
// A fixed seed keeps CI repeatable; FUZZ_SEED=random explores new inputs.
const SEED = process.env.FUZZ_SEED === "random" ? Date.now() % 2_147_483_647 : Number(process.env.FUZZ_SEED ?? 20_261_124);
// Printed so that a failure can be replayed with FUZZ_SEED.
console.info(`fuzz: seed ${SEED}, ${RUNS} runs per procedure`);

type AnyProcedure = { _def: { meta?: { access?: string }; inputs: ZodType[]; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).filter(
  ([, p]) => p._def.meta?.access === "protected",
);

/** Would end the fuzzing user's session or account mid-run; covered by their own tests. */
const SKIPPED = new Set(["account.delete", "account.changePassword"]);

const ENUM_WORDS = [
  "manager",
  "ic",
  "em",
  "senior_em",
  "staff",
  "principal",
  "weekly",
  "fortnightly",
  "monthly",
  "days",
  "draft",
  "active",
  "achieved",
  "missed",
  "dropped",
  "feature",
  "reliability",
  "speed",
  "other",
  "number",
  "milestone",
  "higher",
  "lower",
  "band",
  "open",
  "done",
  "m30",
  "situational",
  "custom",
  "me",
  "them",
  "targets",
  "delegation",
  "growth",
  "team",
  "coaching",
  "praise",
  "constructive",
  "observation",
  "start",
  "middle",
  "end",
  "held",
  "scheduled",
];
const WEIRD = [
  "",
  " ",
  "\u0000",
  "<script>alert(1)</script>",
  "'; drop table people; --",
  "2026-02-30",
  "2026-11-23",
  "2026-11-24",
  "1999-12-31",
  "9999-12-31",
  "NaN",
  "a".repeat(5_000),
  "💥",
  "%",
  "_",
  "\\",
];

function keysOf(schema: ZodType | undefined): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

type IdPool = { own: string[]; foreign: string[] };

function valueArb(ids: IdPool): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    fc.constantFrom(...ids.own),
    // As likely as one of the user's own, however many rows the demo made.
    fc.constantFrom(...ids.foreign),
    fc.uuid(),
    fc.constantFrom(...ENUM_WORDS, ...WEIRD),
    fc.string({ maxLength: 40 }),
    fc.integer({ min: -1_000, max: 1_000 }),
    fc.constantFrom(0, 1, 3, 5, 10, 11, 24, 25, 168, -1, 0.5, 1e308, Number.MAX_SAFE_INTEGER),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01") }),
  );
  return fc.oneof(
    { weight: 8, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom("label", "autonomy", "id", "value"), scalar, { maxKeys: 3 }) },
  );
}

/**
 * Inputs near a valid one (`base`, from the procedure's cross-user case) with
 * some keys replaced by hostile values, so calls get past the schema and into
 * the services; without a base, every key is drawn from the pool.
 */
function inputArb(schema: ZodType | undefined, ids: IdPool, otherOwner: string, base?: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = [...new Set([...keysOf(schema), ...Object.keys(base ?? {})])];
  const value = valueArb(ids);
  if (keys.length === 0) return fc.oneof(fc.constant(undefined), fc.constant({}), value);
  const field = (k: string) =>
    base && k in base ? fc.oneof({ weight: 3, arbitrary: fc.constant(base[k]) }, { weight: 1, arbitrary: value }) : value;
  return (
    fc
      .record(Object.fromEntries(keys.map((k) => [k, field(k)])), { requiredKeys: [] })
      // Keys no schema asks for, among them an owner id that must never be stored.
      .map((input) => ({ ...input, orgId: otherOwner, userId: otherOwner }))
  );
}

/** Every id the user owns, from their export: the fuzz reaches real rows, not only NOT_FOUND. */
async function idsOf(user: TestUser) {
  const file = await user.caller.account.export({ includePrivate: true });
  return Object.values(file.tables).flatMap((rows) => rows.map((r) => r.id).filter((id): id is string => typeof id === "string"));
}

describe("fuzzing every procedure from its input schema", () => {
  it.each(procedures.filter(([path]) => !SKIPPED.has(path)).map(([path]) => path))(
    "%s: no internal errors, BAD_REQUEST for invalid input, no foreign owner stored",
    async (path) => {
      const user = await createUser(db.current.db);
      const other = await createUser(db.current.db);
      await user.caller.people.loadDemo();
      // A row of every kind for the other user: its ids go into the pool too.
      await makeWorld(other);
      // A valid input naming the user's own rows, from the foreign-id case's world.
      // (Its rows may clash with the demo's, an energy slot say: then the pool alone is used.)
      const testCase = foreignIdCases[path];
      const own = testCase ? await makeWorld(user).catch(() => undefined) : undefined;
      const base = own ? testCase!.base(own) : undefined;
      const ids = { own: await idsOf(user), foreign: await idsOf(other) };
      const otherBefore = await snapshotOwnedRows(db.current.db, other);
      const procedure = (appRouter._def.procedures as unknown as Record<string, AnyProcedure>)[path]!;
      const schema = procedure._def.inputs[0];
      const [router, name] = path.split(".") as [string, string];
      const call = (user.caller as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[router]![name]!;

      await fc.assert(
        fc.asyncProperty(inputArb(schema, ids, other.id, base), async (input) => {
          try {
            await call(input);
          } catch (error) {
            const code = (error as { code?: string }).code;
            expect(
              code,
              `${path} failed with ${code}: ${(error as Error).message}\n${(error as { cause?: Error }).cause?.stack ?? ""}`,
            ).not.toBe("INTERNAL_SERVER_ERROR");
            expect(["BAD_REQUEST", "NOT_FOUND", "CONFLICT", "TOO_MANY_REQUESTS"]).toContain(code);
            if (schema && !schema.safeParse(input).success) expect(code).toBe("BAD_REQUEST");
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect(await snapshotOwnedRows(db.current.db, other)).toEqual(otherBefore);
    },
    120_000,
  );
});
