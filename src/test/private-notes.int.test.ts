import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { wireCaller } from "@/test/wire-caller";
import type { Db } from "@/server/db/types";
import { useTestDatabase } from "./database";
import type { TestUser } from "./factories";
import { digestMail } from "@/server/services/inbox/digest.write";
import { MATRIX } from "./roles/matrix";
import { makeOrg, privateText, type Org } from "./roles/org";
import { ROLES, type MatrixRow, type Role } from "./roles/types";

// A private note is readable by its author alone: no role, an admin's
// included, finds another author's private note in any answer. The world
// (roles/org.ts) holds four, each with a unique text: E1's and R1's in R1's
// 1:1, D's in E1's 1:1 and V's (the top admin) in D's. Every query procedure
// is called by every signed-in role with every input the role matrix knows
// plus the ids of every person, 1:1 and note; its whole answer, or its error,
// is searched as JSON, as is every mutation's on the matrix's inputs (rolled
// back). So are the export (with private notes), the search, the hand-over
// page of a person who moved (every role, the old manager included),
// the prep page, which is also the printed page (its server component
// loads oneOnOnes.prep and nothing else: src/app/(app)/one-on-ones/[personId]/prep/page.tsx),
// and the report's own prep page (oneOnOnes.myPrep: R1's holds the last 1:1's
// notes, where E1's private note is, and R1's own).

const db = useTestDatabase();

let org: Org;
beforeAll(async () => {
  org = await makeOrg(db.current.db);
}, 120_000);

type SignedIn = Exclude<Role, "anonymous">;
const SIGNED_IN = ROLES.filter((r): r is SignedIn => r !== "anonymous");

const userOf = (role: SignedIn): TestUser => (role === "otherOrg" ? org.other : org.members[role]);

/** Whose private note each secret is: the role that wrote it. */
const AUTHOR_OF: Record<keyof Org["secrets"], SignedIn> = { managerInR1: "manager", selfInR1: "self", skipInE1: "skip", topInD: "top" };

/** The secrets `role` did not write; E1's own notes about R1 (the person page) are E1's alone too. */
const othersSecrets = (role: SignedIn): [string, string][] => [
  ...(Object.entries(org.secrets) as [keyof Org["secrets"], string][]).filter(([key]) => AUTHOR_OF[key] !== role),
  ...(role === "manager" ? [] : [["E1's person note on R1", org.personNote] as [string, string]]),
];

type AnyProcedure = { _def: { type: string } };
const all = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);
const queries = all.filter(([, p]) => p._def.type === "query").map(([path]) => path);
const mutations = all.filter(([, p]) => p._def.type === "mutation").map(([path]) => path);

/** Inputs to try on a query beyond the role matrix's: every person, 1:1 and note the secrets touch. */
function extraInputs(path: string): unknown[] {
  const persons = [org.people.R1, org.people.E1, org.people.D, org.people.V].map((p) => p.id);
  const meetings = [org.held, org.meeting, org.e1Meeting, org.dMeeting].map((m) => m.id);
  const notes = [org.sharedNote, org.managerPrivate, org.selfPrivate, org.skipPrivate, org.topPrivate].map((n) => n.id);
  switch (path) {
    case "people.get":
      return persons.map((id) => ({ id }));
    case "oneOnOnes.forPerson":
    case "oneOnOnes.history":
    case "oneOnOnes.prep":
    case "handovers.page":
    case "handovers.latest":
    case "delegation.review":
      return persons.map((personId) => ({ personId }));
    case "oneOnOnes.get":
      return meetings.map((id) => ({ id }));
    case "oneOnOnes.note":
      return notes.map((id) => ({ id }));
    case "oneOnOnes.search":
    case "home.search":
      return [{ query: "PRIVATE" }, ...Object.values(org.secrets).map((query) => ({ query }))];
    case "account.export":
      return [{ includePrivate: true }, { includePrivate: false }];
    default:
      return [];
  }
}

/**
 * The matrix's inputs for a procedure (some are made by inserting rows: on
 * `on`, the caller's transaction when there is one, so that nothing waits for
 * the single connection of the embedded database).
 */
async function inputsOf(path: string, role: SignedIn, on: Db = db.current.db): Promise<unknown[]> {
  const entry = MATRIX[path];
  const rows: MatrixRow[] = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  const cell = { role, user: userOf(role), org, db: on };
  const fromMatrix = await Promise.all(rows.map((row) => row.input?.(org, cell)));
  return [...fromMatrix, ...extraInputs(path)];
}

type Call = (input: unknown) => Promise<unknown>;
const callAt = (user: TestUser, path: string, on?: Db) =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      on ? wireCaller({ db: on, actor: user.actor }) : user.caller,
    ) as Call;

const leaks: string[] = [];

/** Calls and searches the answer (or the error) for another author's private text. */
async function search(role: SignedIn, path: string, input: unknown, on?: Db): Promise<string[]> {
  let text: string;
  try {
    text = JSON.stringify((await callAt(userOf(role), path, on)(input)) ?? null);
  } catch (error) {
    text = `${(error as Error).message} ${JSON.stringify((error as { cause?: unknown }).cause ?? null)}`;
  }
  return othersSecrets(role)
    .filter(([, secret]) => text.includes(secret))
    .map(([key]) => `${role} read ${key} through ${path}(${JSON.stringify(input)?.slice(0, 80) ?? ""})`);
}

describe("private notes are their author's alone", () => {
  it("walks every query procedure of the root router", () => {
    expect(queries.length).toBeGreaterThan(25);
    expect(queries).toEqual(
      expect.arrayContaining(["oneOnOnes.prep", "oneOnOnes.myPrep", "oneOnOnes.search", "home.search", "account.export", "oneOnOnes.note"]),
    );
  });

  it.each(SIGNED_IN)("no query answers %s with another author's private note", async (role) => {
    const found: string[] = [];
    for (const path of queries) for (const input of await inputsOf(path, role)) found.push(...(await search(role, path, input)));
    leaks.push(...found);
    expect(found).toEqual([]);
  });

  // A mutation answers with the row it wrote, sometimes with more around it: each runs on the
  // role matrix's inputs in a transaction that is rolled back, so every call sees the same world.
  it.each(SIGNED_IN)("no mutation answers %s with another author's private note", async (role) => {
    const found: string[] = [];
    const rollback = new Error("roll back");
    let calls = 0;
    for (const path of mutations) {
      const entry = MATRIX[path];
      const count = (entry === undefined ? 0 : Array.isArray(entry) ? entry.length : 1) + extraInputs(path).length;
      for (let i = 0; i < count; i++) {
        calls++;
        await db.current.db
          .transaction(async (tx) => {
            const input = (await inputsOf(path, role, tx as unknown as Db))[i];
            found.push(...(await search(role, path, input, tx as unknown as Db)));
            throw rollback;
          })
          .catch((error: unknown) => {
            if (error !== rollback) throw error;
          });
      }
    }
    expect(calls).toBeGreaterThanOrEqual(mutations.length);
    leaks.push(...found);
    expect(found).toEqual([]);
  });

  it.each(SIGNED_IN)("the export for %s, private notes included, holds no other author's private note", async (role) => {
    const found = await search(role, "account.export", { includePrivate: true });
    leaks.push(...found);
    expect(found).toEqual([]);
  });

  it.each(SIGNED_IN)("the search for %s finds no other author's private note, even by its exact text", async (role) => {
    const found: string[] = [];
    for (const path of ["oneOnOnes.search", "home.search"])
      for (const input of extraInputs(path)) found.push(...(await search(role, path, input)));
    leaks.push(...found);
    expect(found).toEqual([]);
  });

  it.each(SIGNED_IN)("the prep (and print) page of every 1:1 shows %s no other author's private note", async (role) => {
    const found: string[] = [];
    for (const input of extraInputs("oneOnOnes.prep")) found.push(...(await search(role, "oneOnOnes.prep", input)));
    leaks.push(...found);
    expect(found).toEqual([]);
  });

  it.each(SIGNED_IN)("the report's own prep page shows %s no other author's private note", async (role) => {
    const found = await search(role, "oneOnOnes.myPrep", undefined);
    leaks.push(...found);
    expect(found).toEqual([]);
  });

  // The hand-over page (issue #17, part 5): R1 moves from E1 (who wrote a private note in R1's 1:1) to E2,
  // in a transaction rolled back afterwards. Every role opens R1's hand-over page and its link; no private
  // note is on it for anyone, its author's own included (the page carries the shared history over).
  it.each(SIGNED_IN)("the hand-over page of a person who moved shows %s no private note, not even their own", async (role) => {
    const found: string[] = [];
    const rollback = new Error("roll back");
    await db.current.db
      .transaction(async (tx) => {
        const on = tx as unknown as Db;
        const top = wireCaller({ db: on, actor: org.members.top.actor });
        const { person } = await top.people.get({ id: org.people.R1.id });
        await top.people.update({
          id: person.id,
          version: person.version,
          name: person.name,
          track: person.track,
          level: person.level,
          managerId: org.people.E2.id,
          cadence: person.cadence,
        });
        const page = await wireCaller({ db: on, actor: org.members.pair.actor }).handovers.page({ personId: org.people.R1.id });
        // The page does say something: the new manager reads the shared note the old one wrote.
        expect(JSON.stringify(page)).toContain(org.sharedNote.id);
        for (const path of ["handovers.page", "handovers.latest"]) {
          found.push(...(await search(role, path, { personId: org.people.R1.id }, on)));
        }
        // Not even the author finds their own private note on a hand-over page.
        const text = await callAt(
          userOf(role),
          "handovers.page",
          on,
        )({ personId: org.people.R1.id }).then(
          (r) => JSON.stringify(r),
          () => "",
        );
        for (const [key, secret] of Object.entries(org.secrets))
          if (text.includes(secret)) found.push(`${role} read ${key} on the hand-over page`);
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    leaks.push(...found);
    expect(found).toEqual([]);
  });

  // The inbox and the daily digest: private notes written through the app (where every write that concerns
  // someone else makes inbox items) reach nobody's inbox or digest, their author's included; the other
  // authors' secrets of the world neither. Run in a transaction rolled back afterwards.
  it.each(SIGNED_IN)("the inbox and the daily digest of %s hold no private note, new ones included", async (role) => {
    const rollback = new Error("roll back");
    const found: string[] = [];
    await db.current.db
      .transaction(async (tx) => {
        const on = tx as unknown as Db;
        const as = (who: "self" | "manager") => wireCaller({ db: on, actor: org.members[who].actor });
        const fresh = { self: privateText("R1-new"), manager: privateText("E1-new") };
        for (const who of ["self", "manager"] as const) {
          await as(who).oneOnOnes.addNote({
            personId: org.people.R1.id,
            oneOnOneId: org.meeting.id,
            kind: "observation",
            body: fresh[who],
            private: true,
          });
        }
        // Something shared too, so the inboxes are not empty.
        await as("self").oneOnOnes.addPoint({ personId: org.people.R1.id, topic: "team", body: "A shared point" });
        const user = userOf(role);
        const inbox = await callAt(user, "inbox.list", on)(undefined);
        const mail = await digestMail(on, { ...user.actor, email: user.email, day: "", orgName: "Org" }, "http://test.invalid");
        const text = JSON.stringify([inbox, mail]);
        const secrets = [...othersSecrets(role), ["R1's new private note", fresh.self], ["E1's new private note", fresh.manager]];
        found.push(...secrets.filter(([, secret]) => text.includes(secret!)).map(([key]) => `${role} read ${key} in the inbox or digest`));
        if (role === "manager" && !text.includes("A shared point")) found.push("E1's inbox misses R1's shared point");
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    leaks.push(...found);
    expect(found).toEqual([]);
  });

  // The report's page is not empty of notes: R1 reads the last 1:1's shared note and their own private one, never E1's.
  it("R1's own prep page holds the last 1:1's shared note and R1's private note, not E1's", async () => {
    const text = JSON.stringify(await userOf("self").caller.oneOnOnes.myPrep());
    expect(text).toContain(org.sharedNote.body);
    expect(text).toContain(org.secrets.selfInR1);
    expect(text).not.toContain(org.secrets.managerInR1);
  });

  // The searches above would pass on a server that returns no notes at all: the author does read their own.
  it.each([
    ["manager", "managerInR1", "managerPrivate"],
    ["self", "selfInR1", "selfPrivate"],
    ["skip", "skipInE1", "skipPrivate"],
    ["top", "topInD", "topPrivate"],
  ] as const)("%s, its author, reads %s, in the note and in their export", async (role, secret, note) => {
    const user = userOf(role);
    expect(JSON.stringify(await user.caller.oneOnOnes.note({ id: org[note].id }))).toContain(org.secrets[secret]);
    expect(JSON.stringify(await user.caller.account.export({ includePrivate: true }))).toContain(org.secrets[secret]);
  });

  afterAll(() => {
    if (leaks.length) console.log([`Private notes: ${leaks.length} leak(s)`, ...[...new Set(leaks)].map((l) => `  ${l}`)].join("\n"));
  });
});
