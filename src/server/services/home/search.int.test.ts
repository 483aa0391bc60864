import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";
import { SEARCH_PER_KIND } from "./search.read";

const database = useTestDatabase();

/** A manager with two reports (Sofia signs in), a target, an area, and 1:1 content about Sofia. */
async function world() {
  const db = database.current.db;
  const manager = await createUser(db, { name: "Mia Manager" });
  const person = (name: string) =>
    manager.caller.people.create({ name, track: "ic", level: "senior", managerId: manager.actor.personId, cadence: "weekly" });
  const sofia = await person("Sofia Alvarez");
  const priya = await person("Priya Shah");
  const sofiaUser = await joinAsMember(db, manager, sofia.id);
  const area = await manager.caller.areas.create({ name: "Payments platform", description: null, emPersonId: null, icPersonId: null });
  const target = await manager.caller.targets.create({
    title: "Checkout latency under 300 ms",
    description: "",
    kind: "reliability",
    status: "active",
    areaId: area.id,
    ownerIds: [sofia.id],
    sharedWithOrg: false,
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });
  const note = await manager.caller.oneOnOnes.addNote({
    personId: sofia.id,
    kind: "coaching",
    body: "## Latency\n\nThe **latency** work slipped, see [the doc](https://example.com/doc) and `p99`.",
  });
  const point = await manager.caller.oneOnOnes.addPoint({
    personId: sofia.id,
    topic: "growth",
    body: "P99 is slipping: what does _Sofia_ need?",
  });
  const action = await manager.caller.oneOnOnes.addAction({ personId: sofia.id, assignee: "me", title: "Review the talk abstract" });
  const secret = await sofiaUser.caller.oneOnOnes.addNote({
    personId: sofia.id,
    kind: "observation",
    body: "Latency worries me: my own private thought",
    private: true,
  });
  return { manager, sofia, priya, sofiaUser, area, target, note, point, action, secret };
}

const search = (user: TestUser, query: string) => user.caller.home.search({ query });

describe("the palette's search (home.search)", () => {
  it("'sofa' finds Sofia (a typo); 'sofia' finds her first and not the noise", async () => {
    const w = await world();
    expect((await search(w.manager, "sofa")).people.map((p) => p.name)).toEqual(["Sofia Alvarez"]);
    const exact = await search(w.manager, "sofia");
    expect(exact.people[0]).toMatchObject({ id: w.sofia.id, isMyReport: true });
    expect(exact.people.map((p) => p.name)).not.toContain("Priya Shah");
    expect((await search(w.manager, "alvrez")).people.map((p) => p.id)).toEqual([w.sofia.id]);
    // A typo in the first letter, or its first two swapped: the trigram index's net still holds her.
    expect((await search(w.manager, "xofia")).people.map((p) => p.id)).toEqual([w.sofia.id]);
    expect((await search(w.manager, "osfia")).people.map((p) => p.id)).toEqual([w.sofia.id]);
    expect((await search(w.manager, "osfi")).people.map((p) => p.id)).toEqual([w.sofia.id]);
  });

  it("finds targets, areas and actions by their titles, with typos, and what the actor may do on them", async () => {
    const w = await world();
    expect((await search(w.manager, "latncy")).targets).toEqual([expect.objectContaining({ id: w.target.id, mayCheckIn: true })]);
    expect((await search(w.manager, "paymnets")).areas.map((a) => a.id)).toEqual([w.area.id]);
    expect((await search(w.manager, "abstrct")).actions).toEqual([
      expect.objectContaining({ id: w.action.id, personId: w.sofia.id, title: "Review the talk abstract" }),
    ]);
  });

  it("finds notes and talking points with the rendered text as their snippet, not the markdown", async () => {
    const w = await world();
    const found = await search(w.manager, "latency");
    expect(found.notes).toEqual([expect.objectContaining({ id: w.note.id, personId: w.sofia.id, private: false })]);
    const snippet = found.notes[0]!.snippet;
    expect(snippet).toBe("Latency The latency work slipped, see the doc and p99.");
    for (const artefact of ["**", "#", "](", "`", "https://"]) expect(snippet).not.toContain(artefact);
    const points = (await search(w.manager, "slipping sofia")).points;
    expect(points).toEqual([expect.objectContaining({ id: w.point.id, snippet: "P99 is slipping: what does Sofia need?" })]);
  });

  it("never shows another author's private note; its author finds it", async () => {
    const w = await world();
    const managers = await search(w.manager, "private thought");
    expect(managers.notes).toEqual([]);
    expect(JSON.stringify(await search(w.manager, "latency"))).not.toContain(w.secret.id);
    expect((await search(w.sofiaUser, "private thought")).notes.map((n) => n.id)).toEqual([w.secret.id]);
  });

  it("a report finds the open org chart but not their manager's side of others' 1:1s, nor is offered their booking", async () => {
    const w = await world();
    // Priya's 1:1 content is Priya's and the manager's: Sofia does not find it.
    await w.manager.caller.oneOnOnes.addPoint({ personId: w.priya.id, topic: "team", body: "Priya's latency concern" });
    const found = await search(w.sofiaUser, "latency");
    expect(found.points.map((p) => p.personId)).not.toContain(w.priya.id);
    // Sofia sees the note about her that the manager shared, and the target she owns.
    expect(found.notes.map((n) => n.id)).toContain(w.note.id);
    expect(found.targets.map((t) => t.id)).toEqual([w.target.id]);
    const people = (await search(w.sofiaUser, "priya")).people;
    expect(people).toEqual([expect.objectContaining({ id: w.priya.id, isMyReport: false })]);
  });

  it("another organisation finds nothing of it", async () => {
    const w = await world();
    const stranger = await createUser(database.current.db, { name: "Xavier Elsewhere" });
    for (const query of ["sofia", "latency", "payments", "abstract"]) {
      const found = await search(stranger, query);
      const all = [...found.people, ...found.targets, ...found.areas, ...found.notes, ...found.points, ...found.actions].map((r) => r.id);
      expect(all.filter((id) => [w.sofia.id, w.target.id, w.area.id, w.note.id, w.point.id, w.action.id].includes(id))).toEqual([]);
    }
  });

  it("is bounded: a few per kind, the exact match kept among many near ones, in six queries", async () => {
    const w = await world();
    for (let i = 0; i < SEARCH_PER_KIND + 3; i++)
      await w.manager.caller.people.create({ name: `Sofie Number${i}`, track: "ic", level: "senior", managerId: null, cadence: "weekly" });
    database.current.queries.length = 0;
    const found = await search(w.manager, "sofia");
    expect(database.current.queries.length).toBeLessThanOrEqual(6);
    expect(found.people).toHaveLength(SEARCH_PER_KIND);
    expect(found.people[0]!.id).toBe(w.sofia.id);
    await expect(search(w.manager, "s")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
