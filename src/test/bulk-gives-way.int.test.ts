import { describe, expect, it } from "vitest";
import { holdsOneConnection } from "../server/db/connections";
import { asBulk, bulkWorkStarting, forPerson, type BulkWork } from "../server/event-loop/give-way";
import { exportAccount } from "../server/services/account/export.read";
import { importAccount } from "../server/services/account/import.write";
import { useTestDatabase } from "./database";
import { createUser } from "./factories";

// Bulk work (give-way.ts) pauses while a person's request is in flight, and still does all of its work.
const database = useTestDatabase();

/** A person's request that stays in flight until `end()`. */
function personWaiting() {
  let end!: () => void;
  const running = forPerson(() => new Promise<void>((resolve) => (end = resolve)));
  return { end: () => (end(), running) };
}

async function asBulkBeside<T>(work: () => Promise<T>): Promise<{ result: T; state: BulkWork }> {
  const person = personWaiting();
  const state = bulkWorkStarting(database.current.db);
  try {
    return { result: await asBulk(state, work), state };
  } finally {
    await person.end();
  }
}

describe("bulk work gives way to people", () => {
  it("an export pauses between its reads while a person waits, and exports the same rows", async () => {
    const user = await createUser(database.current.db);
    await user.caller.people.create({ name: "Ada Report", managerId: user.actor.personId, track: "ic", level: "staff", cadence: "weekly" });
    const alone = await exportAccount(database.current.db, user.actor, { includePrivate: true }, { pageRows: 1 });
    const { result, state } = await asBulkBeside(() =>
      exportAccount(database.current.db, user.actor, { includePrivate: true }, { pageRows: 1 }),
    );
    expect(state.paused).toBeGreaterThan(0);
    expect(result.tables).toEqual(alone.tables);
  });

  it("an account import pauses for a person between its transactions on the embedded database, and loads whole", async () => {
    const source = await createUser(database.current.db);
    for (let i = 0; i < 3; i++) {
      await source.caller.people.create({
        name: `Report ${i}`,
        managerId: source.actor.personId,
        track: "ic",
        level: "senior",
        cadence: "weekly",
      });
    }
    const file = JSON.parse(JSON.stringify(await source.caller.account.export({ includePrivate: true })));
    const target = await createUser(database.current.db);
    const { result, state } = await asBulkBeside(() => importAccount(database.current.db, target.actor, file, { chunkRows: 1 }));
    expect(result.imported).toMatchObject({ people: 3 });
    expect((await target.caller.people.list({})).items.map((p) => p.name).sort()).toEqual(["Report 0", "Report 1", "Report 2"]);
    // On PostgreSQL it is one transaction, which pauses at its turns only once 10 ms of work is spent: too few here to count on.
    if (holdsOneConnection(database.current.db)) expect(state.paused).toBeGreaterThan(0);
  });
});
