import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import { weekStartOf } from "@/lib/energy/week";

// Two tabs open the same row; tab A saves, then tab B saves from the version it
// loaded. B must get CONFLICT (never a silent overwrite), and A's value stays.

const database = useTestDatabase();

const stale = { code: "CONFLICT", message: expect.stringContaining("changed elsewhere") };

async function em(user: TestUser, name = "Em Manager") {
  return user.caller.people.create({ name, track: "manager", level: "em", managerId: null, cadence: "weekly" });
}

async function aTarget(user: TestUser) {
  const owner = await em(user);
  const target = await user.caller.targets.create({
    title: "Loaded",
    kind: "reliability",
    ownerIds: [owner.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });
  return { owner, target };
}

async function aMeetingSetup(user: TestUser) {
  const person = await em(user);
  const point = await user.caller.oneOnOnes.addPoint({ personId: person.id, topic: "team", body: "Loaded" });
  const action = await user.caller.oneOnOnes.addAction({ personId: person.id, assignee: "me", title: "Loaded" });
  const goal = await user.caller.oneOnOnes.addGoal({ personId: person.id, title: "Loaded" });
  return { person, point, action, goal };
}

describe("a stale save answers CONFLICT and keeps the first save", () => {
  it("people (their notes included)", async () => {
    const user = await createUser(database.current.db);
    const created = await em(user, "Ada");
    const { person: loaded } = await user.caller.people.get({ id: created.id });
    expect(loaded.version).toBe(1);
    const fields = { name: "Ada", track: "manager", level: "em", managerId: null, cadence: "weekly" } as const;
    const a = await user.caller.people.update({ ...fields, id: loaded.id, version: loaded.version, title: "Tab A", notes: "A's notes" });
    expect(a.version).toBe(2);
    await expect(
      user.caller.people.update({ ...fields, id: loaded.id, version: loaded.version, title: "Tab B", notes: "B's notes" }),
    ).rejects.toMatchObject({
      ...stale,
      // The field a form tells a stale save from other conflicts (a taken email) by.
      cause: { fieldErrors: { version: expect.any(String) } },
    });
    expect((await user.caller.people.get({ id: loaded.id })).person).toMatchObject({ title: "Tab A", notes: "A's notes", version: 2 });
  });

  it("targets, with their owners", async () => {
    const user = await createUser(database.current.db);
    const { owner, target } = await aTarget(user);
    const other = await em(user, "Other owner");
    const loaded = await user.caller.targets.get({ id: target.id });
    const fields = { kind: "reliability", startDate: "2026-01-01", dueDate: "2026-12-31" } as const;
    await user.caller.targets.update({ ...fields, id: target.id, version: loaded.version, title: "Tab A", ownerIds: [owner.id] });
    await expect(
      user.caller.targets.update({ ...fields, id: target.id, version: loaded.version, title: "Tab B", ownerIds: [other.id] }),
    ).rejects.toMatchObject(stale);
    const saved = await user.caller.targets.get({ id: target.id });
    expect(saved).toMatchObject({ title: "Tab A", version: loaded.version + 1 });
    expect(saved.owners.map((o) => o.id)).toEqual([owner.id]);
  });

  it("targets: a status set from the page makes an edit form opened before it stale", async () => {
    const user = await createUser(database.current.db);
    const { owner, target } = await aTarget(user);
    const loaded = await user.caller.targets.get({ id: target.id });
    await user.caller.targets.setStatus({ id: target.id, status: "achieved" });
    const edit = user.caller.targets.update({
      id: target.id,
      version: loaded.version,
      title: "Retitled",
      kind: "reliability",
      status: loaded.status,
      ownerIds: [owner.id],
      startDate: "2026-01-01",
      dueDate: "2026-12-31",
    });
    await expect(edit).rejects.toMatchObject(stale);
    expect(await user.caller.targets.get({ id: target.id })).toMatchObject({ title: "Loaded", status: "achieved" });
  });

  it("metrics", async () => {
    const user = await createUser(database.current.db);
    const { target } = await aTarget(user);
    await user.caller.targets.addMetric({ targetId: target.id, name: "Uptime", unit: "%", direction: "higher", baseline: 99, goal: 99.9 });
    const [loaded] = (await user.caller.targets.get({ id: target.id })).metrics;
    const fields = { unit: "%", direction: "higher", baseline: 99, goal: 99.9 } as const;
    await user.caller.targets.updateMetric({ ...fields, id: loaded!.id, version: loaded!.version, name: "Tab A" });
    await expect(
      user.caller.targets.updateMetric({ ...fields, id: loaded!.id, version: loaded!.version, name: "Tab B" }),
    ).rejects.toMatchObject(stale);
    expect((await user.caller.targets.get({ id: target.id })).metrics[0]).toMatchObject({ name: "Tab A", version: 2 });
  });

  it("check-ins", async () => {
    const user = await createUser(database.current.db);
    const { target } = await aTarget(user);
    const metric = await user.caller.targets.addMetric({
      targetId: target.id,
      name: "Uptime",
      direction: "higher",
      baseline: 99,
      goal: 99.9,
    });
    await user.caller.targets.addCheckIn({ metricId: metric.id, value: 99.1, at: new Date("2026-02-01T00:00:00Z") });
    const [loaded] = (await user.caller.targets.get({ id: target.id })).metrics[0]!.recent;
    expect(loaded!.version).toBe(1);
    await user.caller.targets.updateCheckIn({ id: loaded!.id, version: loaded!.version, at: loaded!.at, value: 99.5, note: "Tab A" });
    await expect(
      user.caller.targets.updateCheckIn({ id: loaded!.id, version: loaded!.version, at: loaded!.at, value: 98, note: "Tab B" }),
    ).rejects.toMatchObject(stale);
    expect((await user.caller.targets.get({ id: target.id })).metrics[0]!.recent[0]).toMatchObject({
      value: 99.5,
      note: "Tab A",
      version: 2,
    });
  });

  it("tasks", async () => {
    const user = await createUser(database.current.db);
    const person = await em(user);
    await user.caller.delegation.createTask({ personId: person.id, title: "Loaded", competency: 3, criticality: 3 });
    const [loaded] = (await user.caller.delegation.review({ personId: person.id })).tasks;
    const fields = { competency: 3, criticality: 3 };
    await user.caller.delegation.updateTask({ ...fields, id: loaded!.id, version: loaded!.version, title: "Tab A" });
    await expect(
      user.caller.delegation.updateTask({ ...fields, id: loaded!.id, version: loaded!.version, title: "Tab B" }),
    ).rejects.toMatchObject(stale);
    expect((await user.caller.delegation.review({ personId: person.id })).tasks[0]).toMatchObject({ title: "Tab A", version: 2 });
  });

  it("growth goals, talking points and action items", async () => {
    const user = await createUser(database.current.db);
    const { person } = await aMeetingSetup(user);
    const loaded = await user.caller.oneOnOnes.forPerson({ personId: person.id });
    const goal = loaded.goals[0]!;
    const point = loaded.agenda[0]!;
    const action = loaded.actions.mine[0]!;
    expect([goal.version, point.version, action.version]).toEqual([1, 1, 1]);

    await user.caller.oneOnOnes.updateGoal({ id: goal.id, version: goal.version, title: "Tab A" });
    await expect(user.caller.oneOnOnes.updateGoal({ id: goal.id, version: goal.version, title: "Tab B" })).rejects.toMatchObject(stale);
    await user.caller.oneOnOnes.updatePoint({ id: point.id, version: point.version, topic: "team", body: "Tab A" });
    await expect(
      user.caller.oneOnOnes.updatePoint({ id: point.id, version: point.version, topic: "team", body: "Tab B" }),
    ).rejects.toMatchObject(stale);
    await user.caller.oneOnOnes.updateAction({ id: action.id, version: action.version, assignee: "me", title: "Tab A" });
    await expect(
      user.caller.oneOnOnes.updateAction({ id: action.id, version: action.version, assignee: "me", title: "Tab B" }),
    ).rejects.toMatchObject(stale);

    const saved = await user.caller.oneOnOnes.forPerson({ personId: person.id });
    expect(saved.goals[0]).toMatchObject({ title: "Tab A", version: 2 });
    expect(saved.agenda[0]).toMatchObject({ body: "Tab A", version: 2 });
    expect(saved.actions.mine[0]).toMatchObject({ title: "Tab A", version: 2 });
  });

  it("weekly review answers, including the first save of a week", async () => {
    const user = await createUser(database.current.db);
    const weekStart = weekStartOf(new Date().toISOString().slice(0, 10));
    const loaded = await user.caller.energy.week({ weekStart });
    expect(loaded.review).toBeNull();
    // Both tabs opened the week before any answer was saved: they send version 0.
    const a = await user.caller.energy.saveReview({ weekStart, version: 0, drains: "Tab A" });
    await expect(user.caller.energy.saveReview({ weekStart, version: 0, drains: "Tab B" })).rejects.toMatchObject(stale);
    await user.caller.energy.saveReview({ weekStart, version: a.version, drains: "Tab A again" });
    await expect(user.caller.energy.saveReview({ weekStart, version: a.version, drains: "Tab B" })).rejects.toMatchObject(stale);
    expect((await user.caller.energy.week({ weekStart })).review).toMatchObject({ drains: "Tab A again", version: 2 });
  });

  it("capacity plans: a week's settings and its planned items", async () => {
    const user = await createUser(database.current.db);
    const weekStart = weekStartOf(new Date().toISOString().slice(0, 10));
    const loaded = await user.caller.capacity.plan({ weekStart });
    expect(loaded.settingsVersion).toBe(0);
    const settings = { weekStart, deepWorkCapPerDay: 3, bufferPercent: 20, oneOnOneMinutes: 30 };
    await user.caller.capacity.saveSettings({ ...settings, version: loaded.settingsVersion, availableHours: 30 });
    await expect(
      user.caller.capacity.saveSettings({ ...settings, version: loaded.settingsVersion, availableHours: 20 }),
    ).rejects.toMatchObject(stale);
    const again = await user.caller.capacity.plan({ weekStart });
    expect(again).toMatchObject({ settingsVersion: 1, settings: { availableHours: 30 } });
    await user.caller.capacity.saveSettings({ ...settings, version: again.settingsVersion, availableHours: 31 });
    await expect(
      user.caller.capacity.saveSettings({ ...settings, version: again.settingsVersion, availableHours: 20 }),
    ).rejects.toMatchObject(stale);
    expect((await user.caller.capacity.plan({ weekStart })).settings.availableHours).toBe(31);

    const item = await user.caller.capacity.addItem({ weekStart, title: "Loaded", hours: 2 });
    await user.caller.capacity.updateItem({ id: item.id, version: item.version, title: "Tab A", hours: 3 });
    await expect(user.caller.capacity.updateItem({ id: item.id, version: item.version, title: "Tab B", hours: 4 })).rejects.toMatchObject(
      stale,
    );
    expect((await user.caller.capacity.plan({ weekStart })).items[0]).toMatchObject({ title: "Tab A", hours: 3, version: 2 });
  });

  it("ladder labels and profile, counted apart", async () => {
    const user = await createUser(database.current.db);
    const ladder = await user.caller.people.ladder();
    const me = await user.caller.account.me();
    await user.caller.people.updateLadder({ ...(ladder.labels as Record<"em", string>), em: "Tab A", version: ladder.version } as never);
    await expect(
      user.caller.people.updateLadder({ ...(ladder.labels as Record<"em", string>), em: "Tab B", version: ladder.version } as never),
    ).rejects.toMatchObject(stale);
    expect(await user.caller.people.ladder()).toMatchObject({ labels: { em: "Tab A" }, version: ladder.version + 1 });

    // Saving the ladder did not make the profile form stale: another form, another version.
    await user.caller.account.updateProfile({ name: "Tab A", timeZone: "Europe/Paris", version: me.version });
    await expect(user.caller.account.updateProfile({ name: "Tab B", timeZone: "Asia/Tokyo", version: me.version })).rejects.toMatchObject(
      stale,
    );
    expect(await user.caller.account.me()).toMatchObject({ name: "Tab A", timeZone: "Europe/Paris", version: me.version + 1 });
  });

  it("archiving a manager moves their reports: a report's edit form opened before is stale", async () => {
    const user = await createUser(database.current.db);
    const boss = await em(user, "Boss");
    const report = await user.caller.people.create({ name: "Report", track: "ic", level: "staff", managerId: boss.id, cadence: "weekly" });
    await user.caller.people.archive({ id: boss.id, reportsGoTo: null });
    const edit = user.caller.people.update({
      name: "Report",
      track: "ic",
      level: "staff",
      managerId: boss.id,
      cadence: "weekly",
      id: report.id,
      version: report.version,
    });
    await expect(edit).rejects.toMatchObject(stale);
    expect((await user.caller.people.get({ id: report.id })).person.managerId).toBeNull();
  });

  it("a stale version of a row that is gone answers NOT_FOUND, not CONFLICT", async () => {
    const user = await createUser(database.current.db);
    const { target } = await aTarget(user);
    const metric = await user.caller.targets.addMetric({ targetId: target.id, name: "Gone", kind: "milestone" });
    await user.caller.targets.deleteMetric({ id: metric.id });
    await expect(
      user.caller.targets.updateMetric({ id: metric.id, version: metric.version, name: "Back", kind: "milestone" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("spectrums", () => {
  const plain = (levels: { id: string; label: string; meaning: string; autonomy: number }[]) =>
    levels.map(({ id, label, meaning, autonomy }) => ({ id, label, meaning, autonomy }));

  it("a stale editor cannot delete a level added since it loaded, nor rename over the newer save", async () => {
    const user = await createUser(database.current.db);
    const loaded = await user.caller.delegation.activeSpectrum();
    const levels = plain(loaded.levels);
    // Tab A adds a level at the top.
    const a = await user.caller.delegation.updateSpectrum({
      id: loaded.id,
      version: loaded.version,
      name: "Tab A",
      levels: [
        ...levels.map((l) => ({ ...l, autonomy: l.autonomy * 0.9 })),
        { id: undefined as never, label: "Own it", meaning: "", autonomy: 1 },
      ],
    });
    expect(a.levels).toHaveLength(levels.length + 1);
    // Tab B saves the levels it saw: without the new one, which it must not delete.
    await expect(
      user.caller.delegation.updateSpectrum({ id: loaded.id, version: loaded.version, name: "Tab B", levels }),
    ).rejects.toMatchObject(stale);
    const saved = await user.caller.delegation.activeSpectrum();
    expect(saved).toMatchObject({ name: "Tab A", version: loaded.version + 1 });
    expect(saved.levels.map((l) => l.label)).toContain("Own it");
  });

  it("updateSpectrum removing a level while setLevel moves a task onto it, 20 times at once: one wins, never a 500", async () => {
    const user = await createUser(database.current.db);
    const person = await em(user);
    const task = await user.caller.delegation.createTask({ personId: person.id, title: "Raced", competency: 3, criticality: 3 });
    const reasons: string[] = [];
    for (let i = 0; i < 20; i++) {
      const spectrum = await user.caller.delegation.activeSpectrum();
      const top = spectrum.levels.at(-1)!;
      const bottom = spectrum.levels[0]!;
      const [removal, move] = await Promise.allSettled([
        user.caller.delegation.updateSpectrum({
          id: spectrum.id,
          version: spectrum.version,
          name: spectrum.name,
          levels: plain(spectrum.levels.slice(0, -1)),
        }),
        user.caller.delegation.setLevel({ id: task.id, levelId: top.id, reason: `race ${i}` }),
      ]);
      for (const r of [removal, move]) {
        if (r.status === "rejected") {
          const error = r.reason as { code: string; message: string };
          expect(error.code, error.message).not.toBe("INTERNAL_SERVER_ERROR");
          expect(["CONFLICT", "BAD_REQUEST", "NOT_FOUND"]).toContain(error.code);
          expect(error.message).toMatch(/\.$/);
          reasons.push(error.code);
        }
      }
      // Exactly one of the two happened, and the data agrees with it.
      expect([removal, move].filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const after = await user.caller.delegation.activeSpectrum();
      const [reviewed] = (await user.caller.delegation.review({ personId: person.id })).tasks;
      if (removal.status === "fulfilled") {
        expect(after.levels.map((l) => l.id)).not.toContain(top.id);
        expect(reviewed!.levelId).not.toBe(top.id);
        // Put a top level back for the next round.
        await user.caller.delegation.updateSpectrum({
          id: after.id,
          version: after.version,
          name: after.name,
          levels: [...plain(after.levels), { label: top.label, meaning: top.meaning, autonomy: top.autonomy } as never],
        });
      } else {
        expect(reviewed!.levelId).toBe(top.id);
        await user.caller.delegation.setLevel({ id: task.id, levelId: bottom.id, reason: "back" });
      }
    }
    expect(reasons).toHaveLength(20);
  }, 60_000);

  it("switching to a spectrum while it is edited, 10 times at once: never a 500, and no task on a removed level", async () => {
    const user = await createUser(database.current.db);
    const person = await em(user);
    // A task on the top level: switching moves it to the other spectrum's top level.
    const first = await user.caller.delegation.activeSpectrum();
    const task = await user.caller.delegation.createTask({
      personId: person.id,
      title: "Moved",
      competency: 5,
      criticality: 1,
      levelId: first.levels.at(-1)!.id,
    });
    const other = await user.caller.delegation.createSpectrum({ kind: "situational" });
    for (let i = 0; i < 10; i++) {
      const [current] = (await user.caller.delegation.spectrums()).filter((s) => s.id === other.id);
      const results = await Promise.allSettled([
        user.caller.delegation.activateSpectrum({ id: other.id }),
        user.caller.delegation.updateSpectrum({
          id: other.id,
          version: current!.version,
          name: current!.name,
          levels: plain(current!.levels.slice(0, -1)),
        }),
      ]);
      for (const r of results)
        if (r.status === "rejected")
          expect(["CONFLICT", "BAD_REQUEST"], (r.reason as Error).message).toContain((r.reason as { code: string }).code);
      const spectrums = await user.caller.delegation.spectrums();
      const levelIds = spectrums.flatMap((s) => s.levels.map((l) => l.id));
      const [reviewed] = (await user.caller.delegation.review({ personId: person.id })).tasks;
      expect(levelIds).toContain(reviewed!.levelId);
      // Back to the start: the first spectrum active, the other with its four levels.
      await user.caller.delegation.activateSpectrum({ id: first.id });
      const again = (await user.caller.delegation.spectrums()).find((s) => s.id === other.id)!;
      if (again.levels.length < current!.levels.length) {
        const top = current!.levels.at(-1)!;
        await user.caller.delegation.updateSpectrum({
          id: other.id,
          version: again.version,
          name: again.name,
          levels: [...plain(again.levels), { label: top.label, meaning: top.meaning, autonomy: top.autonomy } as never],
        });
      }
    }
    expect(task.id).toBeTruthy();
  }, 60_000);
});
