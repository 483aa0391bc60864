import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseOpenSlo } from "@/lib/slo/parse";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";

const database = useTestDatabase();
const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../../test/fixtures/openslo", name), "utf8");

async function ownerOf(user: TestUser) {
  return user.caller.people.create({ name: "Sre", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
}

const placement = (ownerId: string) => ({ ownerIds: [ownerId], startDate: "2026-01-01", dueDate: "2026-12-31" });

describe("OpenSLO import and export", () => {
  it("an availability SLO becomes a reliability target with an availability metric in %, its spec kept", async () => {
    const user = await createUser(database.current.db);
    const owner = await ownerOf(user);
    const target = await user.caller.targets.importOpenSlo({ ...placement(owner.id), yaml: fixture("ratio-inline.yaml") });
    const detail = await user.caller.targets.get({ id: target.id });
    expect(detail).toMatchObject({
      title: "Checkout availability",
      kind: "reliability",
      description: "Checkout answers without a server error.",
    });
    expect(detail.owners.map((o) => o.id)).toEqual([owner.id]);
    expect(detail.metrics).toHaveLength(1);
    expect(detail.metrics[0]).toMatchObject({ name: "Checkout answers", unit: "%", direction: "higher", goal: 99.9, baseline: 99 });
    const spec = parseOpenSlo(fixture("ratio-inline.yaml"));
    expect(spec.ok && detail.slo).toEqual(spec.ok && spec.spec);
  });

  it("a latency SLO: lower is better, the threshold as goal, in the unit of the query", async () => {
    const user = await createUser(database.current.db);
    const owner = await ownerOf(user);
    const target = await user.caller.targets.importOpenSlo({ ...placement(owner.id), yaml: fixture("threshold-latency.yaml") });
    const detail = await user.caller.targets.get({ id: target.id });
    expect(detail.metrics[0]).toMatchObject({ name: "p99 under 300 ms", unit: "s", direction: "lower", goal: 0.3, baseline: 0.6 });
    expect(detail.slo?.kind).toBe("latency");
  });

  it("an invalid file is BAD_REQUEST naming the line and field, and nothing is created", async () => {
    const user = await createUser(database.current.db);
    const owner = await ownerOf(user);
    const before = await user.caller.targets.list();
    await expect(user.caller.targets.importOpenSlo({ ...placement(owner.id), yaml: fixture("missing-query.yaml") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "line 15, column 13, spec.indicator.spec.ratioMetric.good.metricSource: missing spec",
    });
    await expect(user.caller.targets.importOpenSlo({ ...placement(owner.id), yaml: "kind: SLO\n  spec: [" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^line \d+, column \d+: YAML: /),
    });
    // A file that parses but makes a metric the metric form refuses (a value past ±1e12) is refused after the target was inserted: rolled back.
    await expect(
      user.caller.targets.importOpenSlo({
        ...placement(owner.id),
        yaml: fixture("threshold-latency.yaml").replace("value: 0.3", "value: 1e13"),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^The SLO makes a target Intersect cannot keep: /) });
    // A problem past the file (an owner the actor may not place) is the usual field error, and also leaves nothing behind.
    await expect(
      user.caller.targets.importOpenSlo({
        ownerIds: ["00000000-0000-4000-8000-000000000000"],
        startDate: "2026-01-01",
        dueDate: "2026-12-31",
        yaml: fixture("ratio-inline.yaml"),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await user.caller.targets.list()).toEqual(before);
  });

  it("export gives the imported SLO back: a round trip is the same spec", async () => {
    const user = await createUser(database.current.db);
    const owner = await ownerOf(user);
    for (const name of ["ratio-inline.yaml", "ratio-by-reference.yaml", "threshold-latency.yaml"]) {
      const target = await user.caller.targets.importOpenSlo({ ...placement(owner.id), yaml: fixture(name) });
      const exported = await user.caller.targets.exportOpenSlo({ targetId: target.id });
      expect(exported.fileName).toMatch(/\.openslo\.yaml$/);
      expect(parseOpenSlo(exported.yaml)).toEqual(parseOpenSlo(fixture(name)));
      // The exported file imports again as an equal SLO.
      const again = await user.caller.targets.importOpenSlo({ ...placement(owner.id), yaml: exported.yaml });
      expect((await user.caller.targets.get({ id: again.id })).slo).toEqual((await user.caller.targets.get({ id: target.id })).slo);
    }
  });

  it("export is NOT_FOUND for a target without an SLO, for another organisation and for a member who does not see the target", async () => {
    const user = await createUser(database.current.db);
    const owner = await ownerOf(user);
    const target = await user.caller.targets.importOpenSlo({ ...placement(owner.id), yaml: fixture("ratio-inline.yaml") });
    const plain = await user.caller.targets.create({ title: "Plain", kind: "other", ...placement(owner.id) });
    await expect(user.caller.targets.exportOpenSlo({ targetId: plain.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const stranger = await createUser(database.current.db);
    await expect(stranger.caller.targets.exportOpenSlo({ targetId: target.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const outsider = await user.caller.people.create({
      name: "Outsider",
      track: "ic",
      level: "senior",
      managerId: null,
      cadence: "weekly",
    });
    const member = await joinAsMember(database.current.db, user, outsider.id);
    await expect(member.caller.targets.exportOpenSlo({ targetId: target.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The owner sees the target, and so its SLO.
    const ownerMember = await joinAsMember(database.current.db, user, owner.id);
    await expect(ownerMember.caller.targets.exportOpenSlo({ targetId: target.id })).resolves.toMatchObject({
      fileName: "checkout-availability.openslo.yaml",
    });
  });
});
