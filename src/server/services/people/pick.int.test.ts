import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";
import { PICK_LIMIT } from "@/lib/validators/people";

const database = useTestDatabase();

/** A manager with a line: Ada (a manager) with Ben under her, and many engineers. */
async function world() {
  const manager = await createUser(database.current.db, { name: "Mia Manager" });
  const add = (name: string, managerId: string | null, track: "manager" | "ic" = "ic") =>
    manager.caller.people.create({ name, track, level: track === "ic" ? "senior" : "em", managerId, cadence: "weekly" });
  const ada = await add("Ada Lovelace", null, "manager");
  const ben = await add("Ben Turing", ada.id);
  const engineers = [];
  for (let i = 0; i < PICK_LIMIT + 5; i++) engineers.push(await add(`Engineer ${String(i).padStart(2, "0")}`, null));
  return { manager, ada, ben, engineers };
}

describe("people.pick: a bounded people picker", () => {
  it("answers at most PICK_LIMIT people by name, and only those whose name has every typed word", async () => {
    const w = await world();
    const first = await w.manager.caller.people.pick({});
    expect(first.matches).toHaveLength(PICK_LIMIT);
    expect(first.matches[0]!.name).toBe("Ada Lovelace");
    expect((await w.manager.caller.people.pick({ query: "turing ben" })).matches.map((p) => p.id)).toEqual([w.ben.id]);
    expect((await w.manager.caller.people.pick({ query: "engineer 2", limit: 3 })).matches.map((p) => p.name)).toEqual([
      "Engineer 02",
      "Engineer 12",
      "Engineer 20",
    ]);
    expect((await w.manager.caller.people.pick({ query: "lovelace", track: "ic" })).matches).toEqual([]);
    // As people.options: a direct report's line reads as null ("reports to you").
    expect((await w.manager.caller.people.pick({ query: "ada" })).matches[0]).toMatchObject({ id: w.ada.id, managerId: null });
  });

  it("labels the chosen people whether or not they match, archived ones included", async () => {
    const w = await world();
    await w.manager.caller.people.archive({ id: w.ben.id, reportsGoTo: null });
    const found = await w.manager.caller.people.pick({ query: "engineer", ids: [w.ben.id, w.ada.id] });
    expect(found.matches.map((p) => p.id)).not.toContain(w.ben.id);
    expect(found.chosen.map((p) => [p.name, p.archived]).sort()).toEqual([
      ["Ada Lovelace", false],
      ["Ben Turing", true],
    ]);
  });

  it("leaves out a person and everyone below them (`notUnder`: a manager for them would make a loop)", async () => {
    const w = await world();
    const ids = (await w.manager.caller.people.pick({ query: "a", notUnder: w.ada.id, limit: PICK_LIMIT })).matches.map((p) => p.id);
    expect(ids).not.toContain(w.ada.id);
    expect(ids).not.toContain(w.ben.id);
    expect((await w.manager.caller.people.pick({ query: "ada", notUnder: w.ben.id })).matches.map((p) => p.id)).toEqual([w.ada.id]);
  });

  it("answers another organisation's person as NOT_FOUND, as a missing one", async () => {
    const w = await world();
    const stranger = await createUser(database.current.db, { name: "Xavier Elsewhere" });
    await expect(stranger.caller.people.pick({ ids: [w.ada.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.caller.people.pick({ notUnder: w.ada.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await stranger.caller.people.pick({ query: "ada" })).matches).toEqual([]);
  });
});
