import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember } from "@/test/factories";

const database = useTestDatabase();

const manager = (name: string, extra = {}) =>
  ({ cadence: "fortnightly", managerId: null, name, track: "manager", level: "em", ...extra }) as const;

// The soft "already in your organisation" warning of the add-person form (people.findSimilar)
// and of the target form (targets.findSimilar): what counts as the same, and who is never named.
describe("people.findSimilar", () => {
  it("matches a name without case, accents or extra spaces, and an email exactly without case", async () => {
    const user = await createUser(database.current.db);
    const sofia = await user.caller.people.create(manager("Sofía Petrova", { email: "sofia@example.com", title: "EM, Payments" }));
    await user.caller.people.create(manager("Sofia Petrovna"));

    const byName = await user.caller.people.findSimilar({ name: "  sofia   PETROVA " });
    expect(byName).toEqual([
      { id: sofia.id, name: "Sofía Petrova", email: "sofia@example.com", title: "EM, Payments", archived: false, matchedOn: ["name"] },
    ]);
    const byEmail = await user.caller.people.findSimilar({ name: "S. Petrova", email: "Sofia@Example.com " });
    expect(byEmail.map((p) => [p.id, p.matchedOn])).toEqual([[sofia.id, ["email"]]]);
    const both = await user.caller.people.findSimilar({ name: "Sofia Petrova", email: "sofia@example.com" });
    expect(both[0]!.matchedOn).toEqual(["name", "email"]);

    // Near misses and too little to go on are not a duplicate.
    expect(await user.caller.people.findSimilar({ name: "Sofia" })).toEqual([]);
    expect(await user.caller.people.findSimilar({ email: "sofia@example" })).toEqual([]);
    expect(await user.caller.people.findSimilar({ name: " s ", email: "sofia" })).toEqual([]);
    expect(await user.caller.people.findSimilar({})).toEqual([]);
  });

  it("leaves out the person being edited, names archived people as such, and answers NOT_FOUND for a foreign id", async () => {
    const user = await createUser(database.current.db);
    const other = await createUser(database.current.db);
    const sofia = await user.caller.people.create(manager("Sofia Petrova"));
    expect(await user.caller.people.findSimilar({ name: "Sofia Petrova", excludeId: sofia.id })).toEqual([]);
    await user.caller.people.archive({ id: sofia.id });
    expect(await user.caller.people.findSimilar({ name: "Sofia Petrova" })).toMatchObject([{ id: sofia.id, archived: true }]);
    await expect(other.caller.people.findSimilar({ name: "Sofia Petrova", excludeId: sofia.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("never names a person of another organisation", async () => {
    const user = await createUser(database.current.db);
    const other = await createUser(database.current.db);
    await other.caller.people.create(manager("Sofia Petrova", { email: "sofia@example.com" }));
    expect(await user.caller.people.findSimilar({ name: "Sofia Petrova", email: "sofia@example.com" })).toEqual([]);
    expect(await other.caller.people.findSimilar({ name: "Sofia Petrova" })).toHaveLength(1);
  });

  it("names at most five", async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < 7; i++) await user.caller.people.create(manager("Alex Kim"));
    expect(await user.caller.people.findSimilar({ name: "alex kim" })).toHaveLength(5);
  });
});

describe("targets.findSimilar", () => {
  it("matches a title the actor sees, and never one they may not see", async () => {
    const top = await createUser(database.current.db);
    const eliPerson = await top.caller.people.create(manager("Eli Em"));
    const emmaPerson = await top.caller.people.create(manager("Emma Em"));
    const eli = await joinAsMember(database.current.db, top, eliPerson.id);
    const emma = await joinAsMember(database.current.db, top, emmaPerson.id);
    const dates = { startDate: "2026-01-01", dueDate: "2026-06-30" };
    const hidden = await eli.caller.targets.create({
      title: "Checkout uptime 99.95%",
      kind: "reliability",
      ownerIds: [eliPerson.id],
      ...dates,
    });
    const shared = await eli.caller.targets.create({
      title: "Ship the new onboarding",
      kind: "feature",
      ownerIds: [eliPerson.id],
      sharedWithOrg: true,
      ...dates,
    });

    // Eli controls it, Top is above its owner: both see it, under any case and spacing.
    expect(await eli.caller.targets.findSimilar({ title: " checkout  UPTIME 99.95% " })).toMatchObject([
      { id: hidden.id, status: "active" },
    ]);
    expect(await top.caller.targets.findSimilar({ title: "Checkout uptime 99.95%" })).toMatchObject([{ id: hidden.id }]);
    // Emma is a peer: Eli's unshared target is not hers to see, so it is not named to her.
    expect(await emma.caller.targets.findSimilar({ title: "Checkout uptime 99.95%" })).toEqual([]);
    // Shared with the organisation: everyone in it sees it, so it is named.
    expect(await emma.caller.targets.findSimilar({ title: "ship the new ONBOARDING" })).toMatchObject([{ id: shared.id }]);

    expect(await eli.caller.targets.findSimilar({ title: "Checkout uptime 99.9%" })).toEqual([]);
    expect(await eli.caller.targets.findSimilar({ title: "Checkout uptime 99.95%", excludeId: hidden.id })).toEqual([]);
    await expect(emma.caller.targets.findSimilar({ title: "x", excludeId: hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
