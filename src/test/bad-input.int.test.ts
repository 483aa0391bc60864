import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { weekStartOf } from "@/lib/energy/week";
import { pushCheckIn } from "@/server/api/rest/push-check-in";
import { checkIns } from "@/server/db/schema";
import { createAccount } from "@/server/services/account/accounts.write";
import { useTestDatabase } from "./database";
import { createUser, type TestUser } from "./factories";
import { inputAt, leavesOf, procedures, samePath, type Leaf, type Path } from "./input-schemas";

// Bad input answers BAD_REQUEST with sentences, never a 500: a NUL in any text
// field, a day in year 0000 or 9999, a date of null, a value of 1e308. The
// fields come from walking every procedure's input schema, so a field added
// later is tried too.

const db = useTestDatabase();

/** Hashed, never stored or shown: any character may be part of a password. */
const UNCHECKED = /password/i;

type Field = Leaf & { procedure: string };
const fields: Field[] = Object.entries(procedures)
  .filter(([, p]) => p._def.meta?.access === "protected")
  .flatMap(([procedure, p]) => leavesOf(p._def.inputs[0]).map((leaf) => ({ ...leaf, procedure })))
  .filter((f) => !f.path.some((part) => UNCHECKED.test(String(part))));

const named = (f: Field) => `${f.procedure} ${f.path.join(".")}`;
const textFields = fields.filter((f) => f.kind === "string");
/** The string fields that take a day: they accept a Monday in 2026 and refuse a word. */
const dayFields = textFields.filter((f) => f.schema.safeParse("2026-03-30").success && !f.schema.safeParse("soon").success);
const dateFields = fields.filter((f) => f.kind === "date");
const numberFields = fields.filter((f) => f.kind === "number");

let user: TestUser;
beforeAll(async () => {
  user = await createUser(db.current.db);
});

type Refusal = { code?: string; message: string; cause?: unknown };

async function call(caller: TestUser["caller"], procedure: string, input: unknown): Promise<Refusal | null> {
  const [router, name] = procedure.split(".") as [string, string];
  const fn = (caller as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[router]![name]!;
  try {
    await fn(input);
    return null;
  } catch (error) {
    return error as Refusal;
  }
}

/** The call is refused as BAD_REQUEST, with an issue about `path`, and a message of sentences. */
async function expectRefusedAt(procedure: string, input: unknown, path: Path, as = user) {
  const error = await call(as.caller, procedure, input);
  expect(error, "accepted").not.toBeNull();
  expect(error!.code, `${error!.code}: ${error!.message}`).toBe("BAD_REQUEST");
  expect(error!.cause).toBeInstanceOf(ZodError);
  const issues = (error!.cause as ZodError).issues.filter((i) => samePath(i.path, path));
  expect(issues, `no issue at ${path.join(".")}: ${error!.message}`).not.toHaveLength(0);
  expectSentences(error!.message);
}

function expectSentences(message: string) {
  expect(message).not.toContain("[{");
  expect(message).not.toContain('"code"');
  expect(message).toMatch(/^[A-Z#].*[.!?]$/s);
}

describe("the walk over the input schemas", () => {
  it("finds the text, day, date and number fields", () => {
    const names = textFields.map(named);
    for (const expected of [
      "people.create name",
      "people.update notes",
      "people.list search",
      "oneOnOnes.search query",
      "oneOnOnes.addNote body",
      "targets.create title",
      "targets.addMetric unit",
      "targets.addCheckIn note",
      "targets.addCheckIns text",
      "capacity.addItem title",
      "energy.log tags.0",
      "apiTokens.create name",
      "account.updateProfile name",
      "people.updateLadder em",
      "people.commitImport csv",
      "delegation.updateSpectrum levels.0.label",
      "areas.create description",
    ])
      expect(names).toContain(expected);
    expect(dayFields.map(named)).toEqual(
      expect.arrayContaining([
        "targets.create dueDate",
        "people.create startDate",
        "delegation.createTask reviewDate",
        "oneOnOnes.addAction dueDate",
        "energy.week weekStart",
        "capacity.plan weekStart",
      ]),
    );
    expect(dateFields.map(named)).toEqual(expect.arrayContaining(["targets.addCheckIn at", "oneOnOnes.schedule scheduledAt"]));
    expect(numberFields.map(named)).toEqual(expect.arrayContaining(["targets.addCheckIn value", "targets.addMetric goal"]));
  });
});

describe("a NUL character in any text field", () => {
  it.each(textFields.map((f) => [named(f), f] as const))("%s: BAD_REQUEST", async (_name, field) => {
    // Free text (a field that takes "abc") must refuse the NUL by itself, not only for lack of other fields.
    if (field.schema.safeParse("abc").success) expect(field.schema.safeParse("ab\u0000c").success).toBe(false);
    await expectRefusedAt(field.procedure, inputAt(field.path, "ab\u0000c"), field.path);
  });
});

describe("a day in year 0000 or 9999", () => {
  it.each(dayFields.map((f) => [named(f), f] as const))("%s: BAD_REQUEST", async (_name, field) => {
    // 9999-12-27 is a Monday, for the fields that take a week.
    for (const day of ["0000-01-01", "9999-12-31", weekStartOf("9999-12-31")])
      await expectRefusedAt(field.procedure, inputAt(field.path, day), field.path);
  });
});

describe("an instant in year 0000 or 9999", () => {
  it.each(dateFields.map((f) => [named(f), f] as const))("%s: BAD_REQUEST", async (_name, field) => {
    for (const at of [new Date("0000-01-01T00:00:00Z"), new Date("9999-12-31T00:00:00Z")])
      await expectRefusedAt(field.procedure, inputAt(field.path, at), field.path);
  });
});

describe("1e308 as any number", () => {
  it.each(numberFields.map((f) => [named(f), f] as const))("%s: BAD_REQUEST", async (_name, field) => {
    await expectRefusedAt(field.procedure, inputAt(field.path, 1e308), field.path);
  });
});

describe("inputs that are valid but for one field", () => {
  async function setup() {
    const em = await user.caller.people.create({ name: "Em", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const target = await user.caller.targets.create({
      title: "T",
      kind: "speed",
      ownerIds: [em.id],
      startDate: "2026-01-01",
      dueDate: "2026-06-30",
    });
    const metric = await user.caller.targets.addMetric({
      targetId: target.id,
      name: "Latency",
      unit: "ms",
      direction: "lower",
      baseline: 300,
      goal: 200,
    });
    return { em, target, metric };
  }
  const count = async (metricId: string) =>
    (
      await db.current.db
        .select({ n: sql<number>`count(*)::int` })
        .from(checkIns)
        .where(sql`metric_id = ${metricId}`)
    )[0]!.n;

  it("dates out of range: targets, people, tasks, actions, weeks", async () => {
    const { em } = await setup();
    const target = { title: "T", kind: "speed", ownerIds: [em.id], startDate: "2026-01-01", dueDate: "2026-06-30" } as const;
    await expectRefusedAt("targets.create", { ...target, dueDate: "9999-12-31" }, ["dueDate"]);
    await expectRefusedAt("targets.create", { ...target, startDate: "0000-01-01" }, ["startDate"]);
    await expectRefusedAt(
      "people.create",
      { name: "P", track: "ic", level: "staff", managerId: null, cadence: "weekly", startDate: "9999-12-31" },
      ["startDate"],
    );
    await expectRefusedAt(
      "delegation.createTask",
      { personId: em.id, title: "Task", competency: 3, criticality: 3, reviewDate: "9999-12-31" },
      ["reviewDate"],
    );
    await expectRefusedAt("oneOnOnes.addAction", { personId: em.id, assignee: "me", title: "Act", dueDate: "0000-01-01" }, ["dueDate"]);
    await expectRefusedAt("energy.week", { weekStart: "9999-12-27" }, ["weekStart"]);
    await expectRefusedAt("capacity.plan", { weekStart: "9999-12-27" }, ["weekStart"]);
    const error = await call(user.caller, "targets.create", { ...target, dueDate: "9999-12-31" });
    expect(error!.message).toBe("Due date: use a date between 1970 and 2200.");
  });

  it("a check-in at null is refused, not stored as 1970-01-01", async () => {
    const { metric } = await setup();
    await expectRefusedAt("targets.addCheckIn", { metricId: metric.id, value: 250, at: null }, ["at"]);
    const stored = await user.caller.targets.addCheckIn({ metricId: metric.id, value: 250 });
    await expectRefusedAt("targets.updateCheckIn", { id: stored.id, value: 240, at: null }, ["at"]);
    expect(await count(metric.id)).toBe(1);
  });

  it("1e308 as a value or a goal, with a message that says the bound", async () => {
    const { metric, target } = await setup();
    await expectRefusedAt("targets.addCheckIn", { metricId: metric.id, value: 1e308 }, ["value"]);
    await expectRefusedAt("targets.addMetric", { targetId: target.id, name: "Big", direction: "higher", baseline: 0, goal: 1e308 }, [
      "goal",
    ]);
    const error = await call(user.caller, "targets.addCheckIn", { metricId: metric.id, value: -1e13 });
    expect(error!.message).toBe("Value must be between -1,000,000,000,000 and 1,000,000,000,000.");
    expect(await count(metric.id)).toBe(0);
  });

  it("pasted check-ins: years 0000 and 9999 and 1e308 refuse the whole paste", async () => {
    const { metric } = await setup();
    for (const text of ["2026-01-05,1\n9999-12-31,2", "0000-01-01,1", "2026-01-05,1e308", "2026-01-05,1,a\u0000note"]) {
      const error = await call(user.caller, "targets.addCheckIns", { metricId: metric.id, text });
      expect(error?.code, text).toBe("BAD_REQUEST");
      expectSentences(error!.message);
    }
    expect(await count(metric.id)).toBe(0);
  });

  it("a CSV import with a NUL in a row, and a sign-up name with a NUL", async () => {
    const user = await createUser(db.current.db);
    const csv = "name,email,track,level\nAda\u0000,ada@example.com,ic,staff\n";
    for (const procedure of ["people.previewImport", "people.commitImport"]) await expectRefusedAt(procedure, { csv }, ["csv"], user);
    expect((await user.caller.people.list()).items).toHaveLength(0);
    const signUp = await createAccount(db.current.db, {
      name: "Eve\u0000",
      email: "eve-nul@example.com",
      password: "long enough password",
    }).catch((e: unknown) => e);
    expect(signUp).toBeInstanceOf(ZodError);
    expect((signUp as ZodError).issues[0]!.path).toEqual(["name"]);
  });

  it("a message is sentences naming the field, the field errors stay for forms", async () => {
    const error = await call(user.caller, "people.create", {
      name: "x".repeat(121),
      track: "ic",
      level: "staff",
      managerId: null,
      cadence: "weekly",
    });
    expect(error!.message).toBe("Name is at most 120 characters.");
    const missing = await call(user.caller, "areas.create", {});
    expect(missing!.message).toBe("Name is required.");
    const nul = await call(user.caller, "apiTokens.create", { name: "CI\u0000" });
    expect(nul!.message).toBe("Name must be one line of text, without tabs or control characters.");
  });
});

describe("REST: POST /api/v1/metrics/{id}/check-ins", () => {
  it("400 with a sentence for a NUL in the note, 1e308 or a year 9999", async () => {
    const em = await user.caller.people.create({ name: "Em", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const target = await user.caller.targets.create({
      title: "T",
      kind: "speed",
      ownerIds: [em.id],
      startDate: "2026-01-01",
      dueDate: "2026-06-30",
    });
    const metric = await user.caller.targets.addMetric({ targetId: target.id, name: "Up", direction: "higher", baseline: 0, goal: 1 });
    const { token } = await user.caller.apiTokens.create({ name: "CI" });
    const post = (body: unknown) =>
      pushCheckIn(
        db.current.db,
        new Request(`http://localhost/api/v1/metrics/${metric.id}/check-ins`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        }),
        metric.id,
      );
    for (const [body, field] of [
      [{ value: 1, note: "from \u0000CI" }, "note"],
      [{ value: 1e308 }, "value"],
      [{ value: 1, at: "9999-12-31T00:00:00Z" }, "at"],
      [{ value: 1, at: "0000-01-01T00:00:00Z" }, "at"],
    ] as const) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const answer = (await response.json()) as { error: string; fields: Record<string, string> };
      expect(Object.keys(answer.fields)).toEqual([field]);
      expect(answer.error).not.toContain("[{");
      expect(answer.error).toMatch(/^[A-Za-z].*\.$/);
    }
  });
});
