import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";
import { weekStartOf } from "@/lib/energy/week";
import { addDays, dayIn } from "@/lib/one-on-ones/days";

const database = useTestDatabase();
const utcToday = () => new Date().toISOString().slice(0, 10);

async function inZone(user: TestUser, timeZone: string) {
  await user.caller.account.updateProfile({ name: "Dana Director", timeZone, version: (await user.caller.account.me()).version });
}

describe("the energy log", () => {
  it("logs a slot once; a second entry for the same slot is refused with a clear error and the first is kept", async () => {
    const user = await createUser(database.current.db);
    const day = addDays(utcToday(), -1);
    const first = await user.caller.energy.log({ day, slot: "middle", level: 4, tags: ["Meetings", "incidents"], note: "Two incidents" });
    expect(first.tags).toEqual(["meetings", "incidents"]);
    await expect(user.caller.energy.log({ day, slot: "middle", level: 9, tags: [] })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already logged: edit that entry instead"),
    });
    const week = await user.caller.energy.week({ weekStart: weekStartOf(day) });
    expect(week.entries).toMatchObject([{ id: first.id, level: 4, note: "Two incidents" }]);
    const edited = await user.caller.energy.update({ id: first.id, level: 6, tags: ["meetings"] });
    expect(edited).toMatchObject({ level: 6, tags: ["meetings"], note: null });
  });

  it("bad input: levels outside 1-10, hours outside 0-24, a future day, a week not starting on Monday", async () => {
    const user = await createUser(database.current.db);
    const today = utcToday();
    for (const level of [0, 11, 5.5]) {
      await expect(user.caller.energy.log({ day: today, slot: "start", level, tags: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(user.caller.energy.log({ day: addDays(today, 30), slot: "start", level: 5, tags: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("has not come yet"),
    });
    await expect(user.caller.energy.setProductiveHours({ day: today, hours: 25 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(user.caller.energy.setProductiveHours({ day: today, hours: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(user.caller.energy.week({ weekStart: addDays(weekStartOf(today), 1) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await user.caller.energy.week({})).entries).toEqual([]);
  });

  it("a day is the user's own day: far east of UTC, tomorrow-in-UTC is already today", async () => {
    const user = await createUser(database.current.db);
    await inZone(user, "Pacific/Kiritimati"); // UTC+14
    const theirToday = dayIn(new Date(), "Pacific/Kiritimati");
    await expect(user.caller.energy.log({ day: theirToday, slot: "end", level: 7, tags: [] })).resolves.toMatchObject({ day: theirToday });
    expect((await user.caller.energy.week({})).today).toBe(theirToday);
    const west = await createUser(database.current.db);
    await inZone(west, "Pacific/Pago_Pago"); // UTC-11
    const westToday = dayIn(new Date(), "Pacific/Pago_Pago");
    await expect(west.caller.energy.log({ day: addDays(westToday, 1), slot: "start", level: 7, tags: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("the week's review: three points a day, productive hours, activities ranked, answers kept, trend over weeks", async () => {
    const user = await createUser(database.current.db);
    const lastWeek = addDays(weekStartOf(utcToday()), -7);
    const log = (offset: number, slot: "start" | "middle" | "end", level: number, tags: string[]) =>
      user.caller.energy.log({ day: addDays(lastWeek, offset), slot, level, tags });
    await log(0, "start", 8, ["deep work"]);
    await log(0, "middle", 3, ["meetings"]);
    await log(1, "end", 2, ["incidents"]);
    await log(2, "start", 9, ["deep work", "rest"]);
    await log(-7, "start", 4, ["meetings"]);
    await user.caller.energy.setProductiveHours({ day: lastWeek, hours: 5.5 });
    await user.caller.energy.saveReview({
      weekStart: lastWeek,
      drains: "Incidents",
      restores: "Deep work mornings",
      change: "Block mornings",
      version: 0,
    });
    const week = await user.caller.energy.week({ weekStart: lastWeek });
    expect(week.stats.days[0]).toMatchObject({ start: 8, middle: 3, end: null, productiveHours: 5.5 });
    expect(week.stats.tags.map((t) => t.tag)).toEqual(["incidents", "meetings", "deep work", "rest"]);
    expect(week.review).toMatchObject({ drains: "Incidents", change: "Block mornings" });
    expect(week.trend.at(-1)).toMatchObject({ weekStart: lastWeek, entries: 4, average: 5.5 });
    expect(week.trend.at(-2)).toMatchObject({ entries: 1, average: 4 });
    expect(week.knownTags).toEqual(["deep work", "incidents", "meetings", "rest"]);
    await user.caller.energy.setProductiveHours({ day: lastWeek, hours: null });
    expect((await user.caller.energy.week({ weekStart: lastWeek })).stats.days[0]!.productiveHours).toBeNull();
  });
  it("the review's suggestions rest on the week: per-slot averages and last week's hours, with no extra query", async () => {
    const user = await createUser(database.current.db);
    const lastWeek = addDays(weekStartOf(utcToday()), -7);
    const weekBefore = addDays(lastWeek, -7);
    await user.caller.energy.log({ day: lastWeek, slot: "start", level: 8, tags: ["deep work"] });
    await user.caller.energy.log({ day: lastWeek, slot: "end", level: 3, tags: ["incidents"] });
    await user.caller.energy.log({ day: addDays(lastWeek, 1), slot: "end", level: 4, tags: ["incidents"] });
    await user.caller.energy.setProductiveHours({ day: lastWeek, hours: 6 });
    await user.caller.energy.setProductiveHours({ day: addDays(lastWeek, 1), hours: 4.5 });
    await user.caller.energy.setProductiveHours({ day: weekBefore, hours: 3 });
    await user.caller.energy.setProductiveHours({ day: addDays(weekBefore, -1), hours: 9 }); // two weeks before: not compared

    database.current.queries.length = 0;
    const week = await user.caller.energy.week({ weekStart: lastWeek });
    const reads = database.current.queries.filter((q) => /^\s*select/i.test(q));
    // The user's time zone (this caller's session does not carry it), then the four reads at once: none added for last week.
    expect(reads).toHaveLength(5);
    expect(week.stats).toMatchObject({ productiveHours: 10.5, lastWeekProductiveHours: 3 });
    expect(week.stats.days[0]!.productiveHours).toBe(6); // the week before's hours are not this week's
    expect(week.stats.slots).toEqual([
      { slot: "start", average: 8, entries: 1 },
      { slot: "middle", average: null, entries: 0 },
      { slot: "end", average: 3.5, entries: 2 },
    ]);

    // The week before has hours but no entries; with nothing the week before it, nothing to compare.
    const before = await user.caller.energy.week({ weekStart: weekBefore });
    expect(before.stats).toMatchObject({ productiveHours: 3, lastWeekProductiveHours: 9, logged: 0 });
    const empty = await user.caller.energy.week({ weekStart: addDays(weekBefore, -14) });
    expect(empty.stats).toMatchObject({ productiveHours: null, lastWeekProductiveHours: null });
  });
});

describe("the capacity plan", () => {
  it("defaults, 1:1s from the direct reports' cadences, and a warning when the allocation eats into the buffer", async () => {
    const user = await createUser(database.current.db);
    const week = weekStartOf(utcToday());
    const em = await user.caller.people.create({ name: "Weekly EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    await user.caller.people.create({ name: "Fortnightly Staff", track: "ic", level: "staff", managerId: null, cadence: "fortnightly" });
    await user.caller.people.create({ name: "Skip level", track: "ic", level: "senior", managerId: em.id, cadence: "weekly" });
    const empty = await user.caller.capacity.plan({ weekStart: week });
    expect(empty.settings).toEqual({ availableHours: 40, deepWorkCapPerDay: 4, bufferPercent: 20, oneOnOneMinutes: 30 });
    expect(empty.oneOnOnes).toEqual({ people: 2, hours: 0.8 }); // 0.5 h weekly + 0.25 h fortnightly, rounded to 0.1
    await user.caller.capacity.addItem({ weekStart: week, title: "Planning", hours: 20, recurring: true });
    await user.caller.capacity.addItem({ weekStart: week, title: "Design reviews", hours: 10, deepWork: true });
    const plan = await user.caller.capacity.plan({ weekStart: week });
    expect(plan.plan).toMatchObject({ allocated: 30.8, state: "ok" });
    await user.caller.capacity.addItem({ weekStart: week, title: "Offsite prep", hours: 4 });
    expect((await user.caller.capacity.plan({ weekStart: week })).plan).toMatchObject({ state: "into_buffer" });
  });

  it("settings carry forward to later weeks; recurring items run on, one-offs stay in their week", async () => {
    const user = await createUser(database.current.db);
    const week = weekStartOf(utcToday());
    const next = addDays(week, 7);
    await user.caller.capacity.saveSettings({
      weekStart: week,
      availableHours: 32,
      deepWorkCapPerDay: 3,
      bufferPercent: 25,
      oneOnOneMinutes: 45,
      version: 0,
    });
    const recurring = await user.caller.capacity.addItem({ weekStart: week, title: "Hiring loop", hours: 6, recurring: true });
    await user.caller.capacity.addItem({ weekStart: week, title: "Board deck", hours: 5 });
    const later = await user.caller.capacity.plan({ weekStart: next });
    expect(later.settings).toMatchObject({ availableHours: 32, bufferPercent: 25 });
    expect(later.items.map((i) => i.title)).toEqual(["Hiring loop"]);
    // Removing a recurring item from next week on keeps it in this week.
    await expect(user.caller.capacity.removeItem({ id: recurring.id, weekStart: next })).resolves.toMatchObject({ removed: "ended" });
    expect((await user.caller.capacity.plan({ weekStart: next })).items).toEqual([]);
    expect((await user.caller.capacity.plan({ weekStart: week })).items.map((i) => i.title)).toEqual(["Hiring loop", "Board deck"]);
    await expect(user.caller.capacity.addItem({ weekStart: week, title: "Zero", hours: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      user.caller.capacity.saveSettings({
        weekStart: week,
        availableHours: 200,
        deepWorkCapPerDay: 3,
        bufferPercent: 20,
        oneOnOneMinutes: 30,
        version: 1,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("shows the week's energy beside the plan", async () => {
    const user = await createUser(database.current.db);
    const lastWeek = addDays(weekStartOf(utcToday()), -7);
    await user.caller.energy.log({ day: lastWeek, slot: "start", level: 2, tags: [] });
    await user.caller.energy.log({ day: addDays(lastWeek, 1), slot: "start", level: 4, tags: [] });
    const plan = await user.caller.capacity.plan({ weekStart: lastWeek });
    expect(plan.energy).toMatchObject({ average: 3, entries: 2 });
    expect(plan.energy.days[0]).toEqual({ day: lastWeek, average: 2 });
  });
});

describe("demo", () => {
  it("gives three weeks of energy with a pattern (incidents and meetings drain, deep work and rest restore) and a plan for this week", async () => {
    const user = await createUser(database.current.db);
    await user.caller.people.loadDemo();
    const lastWeek = addDays(weekStartOf(utcToday()), -7);
    const week = await user.caller.energy.week({ weekStart: lastWeek });
    expect(week.stats.logged).toBe(15);
    const ranked = week.stats.tags.map((t) => t.tag);
    expect(ranked.slice(0, 2)).toEqual(["incidents", "meetings"]);
    expect(ranked.slice(-2).sort()).toEqual(["deep work", "rest"]);
    expect(week.trend.filter((w) => w.entries > 0).length).toBeGreaterThanOrEqual(3);
    const plan = await user.caller.capacity.plan({});
    expect(plan.items.length).toBe(5);
    expect(plan.oneOnOnes.people).toBe(6);
    expect(plan.plan.state).toBe("ok");
  });
});

describe("energy and capacity are the user's alone", () => {
  it("a director and an EM in one organisation see only their own log and plan", async () => {
    const director = await createUser(database.current.db);
    const emPerson = await director.caller.people.create({
      name: "Eve EM",
      track: "manager",
      level: "em",
      managerId: null,
      cadence: "weekly",
    });
    await director.caller.people.create({ name: "Ida IC", track: "ic", level: "senior", managerId: emPerson.id, cadence: "weekly" });
    await director.caller.people.create({ name: "Ian IC", track: "ic", level: "senior", managerId: emPerson.id, cadence: "weekly" });
    const em = await joinAsMember(database.current.db, director, emPerson.id);
    const day = addDays(utcToday(), -1);
    const week = weekStartOf(day);

    const mine = await director.caller.energy.log({ day, slot: "start", level: 3, tags: ["incidents"] });
    await director.caller.energy.setProductiveHours({ day, hours: 4 });
    const item = await director.caller.capacity.addItem({ weekStart: week, title: "Board deck", hours: 6 });
    const theirs = await em.caller.energy.log({ day, slot: "start", level: 8, tags: ["deep work"] });
    await em.caller.energy.setProductiveHours({ day, hours: 6 });

    expect((await em.caller.energy.week({ weekStart: week })).entries.map((e) => e.id)).toEqual([theirs.id]);
    expect((await director.caller.energy.week({ weekStart: week })).entries.map((e) => e.id)).toEqual([mine.id]);
    expect((await director.caller.energy.week({ weekStart: week })).stats.days.find((d) => d.day === day)?.productiveHours).toBe(4);
    expect((await em.caller.capacity.plan({ weekStart: week })).items).toEqual([]);
    // Thunks: each call starts only when awaited, so none rejects unobserved (an unhandled rejection on PostgreSQL).
    for (const attempt of [
      () => em.caller.energy.update({ id: mine.id, level: 9, tags: [] }),
      () => em.caller.energy.delete({ id: mine.id }),
      () => em.caller.capacity.removeItem({ id: item.id, weekStart: week }),
      () => director.caller.energy.update({ id: theirs.id, level: 1, tags: [] }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // The 1:1s in each plan are each one's own direct reports: the director has one (the EM), the EM two.
    expect((await director.caller.capacity.plan({ weekStart: week })).oneOnOnes.people).toBe(1);
    expect((await em.caller.capacity.plan({ weekStart: week })).oneOnOnes.people).toBe(2);
  });
});
