import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";

const database = useTestDatabase();

async function staffEngineer(user: TestUser, name = "Sia Staff") {
  return user.caller.people.create({ name, track: "ic", level: "staff", managerId: null, cadence: "weekly" });
}

describe("spectrums", () => {
  it("an account starts on Management 3.0's seven levels", async () => {
    const user = await createUser(database.current.db);
    const spectrum = await user.caller.delegation.activeSpectrum();
    expect(spectrum.levels.map((l) => l.label)).toEqual(["Tell", "Sell", "Consult", "Agree", "Advise", "Inquire", "Delegate"]);
    expect(spectrum.levels[0]!.autonomy).toBe(0);
    expect(spectrum.levels.at(-1)!.autonomy).toBe(1);
  });

  it("a custom spectrum needs two levels of increasing autonomy", async () => {
    const user = await createUser(database.current.db);
    await expect(user.caller.delegation.createSpectrum({ kind: "custom", name: "Mine", levels: [{ label: "Only", autonomy: 0 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      user.caller.delegation.createSpectrum({ kind: "custom", name: "Mine", levels: [{ label: "A", autonomy: 0.5 }, { label: "B", autonomy: 0.5 }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const custom = await user.caller.delegation.createSpectrum({ kind: "custom", name: "Mine", levels: [{ label: "Me", autonomy: 0 }, { label: "Us", autonomy: 0.5 }, { label: "You", autonomy: 1 }] });
    expect(custom.active).toBe(false);
  });

  it("a new custom spectrum makes its own level ids: an id sent along (another account's level) is not used", async () => {
    const owner = await createUser(database.current.db);
    const theirs = (await owner.caller.delegation.activeSpectrum()).levels[0]!;
    const user = await createUser(database.current.db);
    const custom = await user.caller.delegation.createSpectrum({
      kind: "custom",
      name: "Mine",
      levels: [{ id: theirs.id, label: "Me", autonomy: 0 }, { label: "You", autonomy: 1 }] as never,
    });
    expect(custom.levels.map((l) => l.label)).toEqual(["Me", "You"]);
    expect(custom.levels.map((l) => l.id)).not.toContain(theirs.id);
    expect((await owner.caller.delegation.activeSpectrum()).levels[0]).toEqual(theirs);
  });

  it("switching maps every task to the nearest level, after a preview, and keeps it in the history", async () => {
    const user = await createUser(database.current.db);
    const person = await staffEngineer(user);
    const task = await user.caller.delegation.createTask({ personId: person.id, title: "On-call rota", competency: 5, criticality: 2 });
    const situational = await user.caller.delegation.createSpectrum({ kind: "situational" });
    const preview = await user.caller.delegation.previewSwitch({ id: situational.id });
    expect(preview.tasks).toEqual([{ id: task.id, title: "On-call rota", from: "Inquire", to: "Supporting" }]);
    // Nothing changed yet.
    expect((await user.caller.delegation.activeSpectrum()).kind).toBe("m30");
    await user.caller.delegation.activateSpectrum({ id: situational.id });
    const review = await user.caller.delegation.review({ personId: person.id });
    expect(review.tasks[0]!.level.label).toBe("Supporting");
    const history = await user.caller.delegation.history({ id: task.id });
    expect(history[0]).toMatchObject({ fromLabel: "Inquire", toLabel: "Supporting", reason: expect.stringMatching(/Spectrum switched/) });
  });

  it("a level in use cannot be removed; renaming and reordering work", async () => {
    const user = await createUser(database.current.db);
    const person = await staffEngineer(user);
    await user.caller.delegation.createTask({ personId: person.id, title: "T", competency: 3, criticality: 3 }); // Agree
    const spectrum = await user.caller.delegation.activeSpectrum();
    const withoutAgree = spectrum.levels.filter((l) => l.label !== "Agree").map(({ id, label, meaning, autonomy }) => ({ id, label, meaning, autonomy }));
    await expect(user.caller.delegation.updateSpectrum({ id: spectrum.id, version: spectrum.version, name: spectrum.name, levels: withoutAgree })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Agree is used by 1 task: move them to another level first.",
    });
    const renamed = spectrum.levels.map(({ id, label, meaning, autonomy }) => ({ id, label: label === "Tell" ? "Direct" : label, meaning, autonomy }));
    const updated = await user.caller.delegation.updateSpectrum({ id: spectrum.id, version: spectrum.version, name: "Ours", levels: renamed });
    expect(updated.levels[0]!.label).toBe("Direct");
  });
});

describe("tasks", () => {
  it("a new task takes the suggested level, with the reason in words", async () => {
    const user = await createUser(database.current.db);
    const person = await staffEngineer(user);
    await user.caller.delegation.createTask({ personId: person.id, title: "Architecture reviews", competency: 4, criticality: 2 });
    const review = await user.caller.delegation.review({ personId: person.id });
    expect(review.tasks[0]).toMatchObject({ level: { label: "Advise" }, suggested: { label: "Advise" }, fit: "matches", reason: "competency 4 of 5 on a criticality-2 task: advise" });
  });

  it("changing a level keeps from, to, when and why; flags tighter and looser than suggested", async () => {
    const user = await createUser(database.current.db);
    const person = await staffEngineer(user);
    const spectrum = await user.caller.delegation.activeSpectrum();
    const level = (label: string) => spectrum.levels.find((l) => l.label === label)!.id;
    const tight = await user.caller.delegation.createTask({ personId: person.id, title: "Tight", competency: 5, criticality: 1 });
    const loose = await user.caller.delegation.createTask({ personId: person.id, title: "Loose", competency: 1, criticality: 5 });
    await user.caller.delegation.setLevel({ id: tight.id, levelId: level("Consult"), reason: "New area for them" });
    await user.caller.delegation.setLevel({ id: loose.id, levelId: level("Delegate") });
    const review = await user.caller.delegation.review({ personId: person.id });
    expect(review.tasks.map((t) => [t.title, t.fit])).toEqual([["Loose", "looser"], ["Tight", "tighter"]]);
    const history = await user.caller.delegation.history({ id: tight.id });
    expect(history.map((h) => [h.fromLabel, h.toLabel, h.reason])).toEqual([
      ["Delegate", "Consult", "New area for them"],
      [null, "Delegate", "Task created"],
    ]);
  });

  it("flags an overdue review", async () => {
    const user = await createUser(database.current.db);
    const person = await staffEngineer(user);
    await user.caller.delegation.createTask({ personId: person.id, title: "Old", competency: 3, criticality: 3, reviewDate: "2020-01-01" });
    await user.caller.delegation.createTask({ personId: person.id, title: "New", competency: 3, criticality: 3, reviewDate: "2199-01-01" });
    const review = await user.caller.delegation.review({ personId: person.id });
    expect(review.tasks.map((t) => [t.title, t.reviewOverdue])).toEqual([["New", false], ["Old", true]]);
  });

  it("bad input: scores outside 1-5, a level of another spectrum, an archived person; nothing saved", async () => {
    const user = await createUser(database.current.db);
    const person = await staffEngineer(user);
    await expect(user.caller.delegation.createTask({ personId: person.id, title: "X", competency: 6, criticality: 3 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(user.caller.delegation.createTask({ personId: person.id, title: "X", competency: 3, criticality: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const other = await user.caller.delegation.createSpectrum({ kind: "situational" });
    await expect(user.caller.delegation.createTask({ personId: person.id, title: "X", competency: 3, criticality: 3, levelId: other.levels[0]!.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That level belongs to another spectrum than the active one.",
    });
    const gone = await staffEngineer(user, "Gone");
    await user.caller.people.archive({ id: gone.id });
    await expect(user.caller.delegation.createTask({ personId: gone.id, title: "X", competency: 3, criticality: 3 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await user.caller.delegation.review({ personId: person.id })).tasks).toEqual([]);
  });

  it("the overview: a row per person with tasks, counts per level, flags and average autonomy", async () => {
    const user = await createUser(database.current.db);
    const sia = await staffEngineer(user);
    const em = await user.caller.people.create({ name: "Em", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    await user.caller.delegation.createTask({ personId: sia.id, title: "A", competency: 5, criticality: 1 });
    await user.caller.delegation.createTask({ personId: sia.id, title: "B", competency: 1, criticality: 5 });
    await user.caller.delegation.createTask({ personId: em.id, title: "C", competency: 3, criticality: 3 });
    const overview = await user.caller.delegation.overview();
    expect(overview.people.map((p) => [p.name, p.counts, p.averageAutonomy])).toEqual([
      ["Em", [0, 0, 0, 1, 0, 0, 0], 0.5],
      ["Sia Staff", [1, 0, 0, 0, 0, 0, 1], 0.5],
    ]);
    expect(overview.people[0]!.trend).toHaveLength(1);
  });
});

describe("demo", () => {
  it("gives the demo org tasks with levels, months of changes, and some flags", async () => {
    const user = await createUser(database.current.db);
    await user.caller.people.loadDemo();
    const overview = await user.caller.delegation.overview();
    expect(overview.people.length).toBeGreaterThanOrEqual(6);
    expect(overview.people.some((p) => p.tighter > 0)).toBe(true);
    expect(overview.people.some((p) => p.looser > 0)).toBe(true);
    expect(overview.people.some((p) => p.overdueReviews > 0)).toBe(true);
    expect(overview.people.some((p) => p.trend.length >= 3)).toBe(true);
  });
});

describe("review pages load in a bounded number of queries", () => {
  async function queriesOf(run: () => Promise<unknown>) {
    database.current.queries.length = 0;
    await run();
    return database.current.queries.length;
  }

  async function withTasks(count: number) {
    const user = await createUser(database.current.db);
    const person = await staffEngineer(user);
    const spectrum = await user.caller.delegation.activeSpectrum();
    await database.current.db.execute(sql`
      insert into tasks (owner_id, person_id, title, competency, criticality, level_id)
      select ${user.id}, ${person.id}, 'Task ' || g, 1 + g % 5, 1 + (g / 5) % 5, ${spectrum.levels[3]!.id}
      from generate_series(1, ${count}) g`);
    return { user, person };
  }

  it("for 10 and 2,000 tasks", async () => {
    const small = await withTasks(10);
    const large = await withTasks(2_000);
    const a = await queriesOf(() => small.user.caller.delegation.review({ personId: small.person.id }));
    const b = await queriesOf(() => large.user.caller.delegation.review({ personId: large.person.id }));
    expect(b).toBe(a);
    const c = await queriesOf(() => small.user.caller.delegation.overview());
    const d = await queriesOf(() => large.user.caller.delegation.overview());
    expect(d).toBe(c);
    expect((await large.user.caller.delegation.review({ personId: large.person.id })).tasks).toHaveLength(2_000);
  }, 60_000);
});
