import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";

const database = useTestDatabase();

const base = { cadence: "fortnightly", managerId: null } as const;
const manager = (name: string, extra = {}) => ({ ...base, name, track: "manager", level: "em", ...extra }) as const;
const ic = (name: string, extra = {}) => ({ ...base, name, track: "ic", level: "staff", ...extra }) as const;

async function twoLevelOrg(user: TestUser) {
  const director = await user.caller.people.create(manager("Dee Director", { level: "director", email: "dee@x.com" }));
  const em = await user.caller.people.create(manager("Em Manager", { managerId: director.id, email: "em@x.com" }));
  const staff = await user.caller.people.create(ic("Sia Staff", { managerId: director.id }));
  const dev = await user.caller.people.create(ic("Dev Senior", { level: "senior", managerId: em.id }));
  return { director, em, staff, dev };
}

describe("people", () => {
  it("creates people on both tracks and lists them with manager, counts and areas", async () => {
    const user = await createUser(database.current.db);
    const { director, em, staff } = await twoLevelOrg(user);
    await user.caller.areas.create({ name: "Payments", emPersonId: em.id, icPersonId: staff.id });
    const list = (await user.caller.people.list({ sort: "name" })).items;
    expect(list.map((p) => p.name)).toEqual(["Dee Director", "Dev Senior", "Em Manager", "Sia Staff"]);
    expect(list.find((p) => p.id === director.id)).toMatchObject({ directReports: 2, totalReports: 3, managerName: null });
    expect(list.find((p) => p.id === em.id)).toMatchObject({ managerName: "Dee Director", areaNames: ["Payments"] });
  });

  it("filters by track, level, manager, area and search, and sorts by seniority", async () => {
    const user = await createUser(database.current.db);
    const { director, em, staff, dev } = await twoLevelOrg(user);
    const area = await user.caller.areas.create({ name: "Search", emPersonId: em.id, icPersonId: staff.id });
    const names = async (input: Parameters<typeof user.caller.people.list>[0]) =>
      (await user.caller.people.list(input)).items.map((p) => p.name);
    expect(await names({ track: "ic" })).toEqual(["Dev Senior", "Sia Staff"]);
    expect(await names({ level: "senior" })).toEqual(["Dev Senior"]);
    expect(await names({ managerId: "me" })).toEqual(["Dee Director"]);
    expect(await names({ managerId: director.id })).toEqual(["Em Manager", "Sia Staff"]);
    expect(await names({ areaId: area.id })).toEqual(["Em Manager", "Sia Staff"]);
    expect(await names({ search: "sen" })).toEqual(["Dev Senior"]);
    expect(await names({ search: "100%_" })).toEqual([]);
    expect(await names({ sort: "level", sortDirection: "desc" })).toEqual(["Dee Director", "Sia Staff", "Em Manager", "Dev Senior"]);
    expect(dev.managerId).toBe(em.id);
  });

  it("rejects a reporting loop with a clear message and keeps the old line", async () => {
    const user = await createUser(database.current.db);
    const { director, dev } = await twoLevelOrg(user);
    const move = user.caller.people.update({
      ...manager("Dee Director", { level: "director" }),
      id: director.id,
      version: director.version,
      managerId: dev.id,
    });
    await expect(move).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/loop/) });
    const self = user.caller.people.update({
      ...manager("Dee Director", { level: "director" }),
      id: director.id,
      version: director.version,
      managerId: director.id,
    });
    await expect(self).rejects.toMatchObject({ message: "A person cannot report to themselves." });
    const detail = await user.caller.people.get({ id: director.id });
    expect(detail.person.managerId).toBeNull();
  });

  it("rejects an unknown level for the track, a duplicate email, and overlong input", async () => {
    const user = await createUser(database.current.db);
    await expect(user.caller.people.create(manager("X", { level: "principal" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await user.caller.people.create(ic("First", { email: "same@x.com" }));
    await expect(user.caller.people.create(ic("Second", { email: "SAME@x.com" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Someone in your organisation already has this email.",
    });
    await expect(user.caller.people.create(ic("n".repeat(121)))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Another account may use the same email.
    const other = await createUser(database.current.db);
    await expect(other.caller.people.create(ic("Elsewhere", { email: "same@x.com" }))).resolves.toBeTruthy();
  });

  it("does not let anyone report to an archived person", async () => {
    const user = await createUser(database.current.db);
    const gone = await user.caller.people.create(manager("Gone"));
    await user.caller.people.archive({ id: gone.id });
    await expect(user.caller.people.create(ic("New", { managerId: gone.id }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/archived/),
    });
  });

  it("archiving a manager with reports asks where they go, then moves them", async () => {
    const user = await createUser(database.current.db);
    const { director, em, staff, dev } = await twoLevelOrg(user);
    await expect(user.caller.people.archive({ id: em.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Em Manager has 1 active report: choose who they report to now.",
    });
    await expect(user.caller.people.archive({ id: em.id, reportsGoTo: dev.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await user.caller.people.archive({ id: em.id, reportsGoTo: staff.id });
    const after = await user.caller.people.get({ id: dev.id });
    expect(after.managers.map((m) => m.name)).toEqual(["Sia Staff", "Dee Director"]);
    expect((await user.caller.people.list()).items.map((p) => p.name)).not.toContain("Em Manager");
    expect((await user.caller.people.list({ includeArchived: true })).items.map((p) => p.name)).toContain("Em Manager");
    // Restoring brings them back under their old manager, who is still active.
    const restored = await user.caller.people.restore({ id: em.id });
    expect(restored).toMatchObject({ managerId: director.id, archivedAt: null, movedToMe: false });
  });

  it("archiving a manager: their reports may not move below one of them, at any depth; elsewhere in the line is fine", async () => {
    const user = await createUser(database.current.db);
    const lead = await user.caller.people.create(manager("Lee Lead", { level: "director" }));
    const b = await user.caller.people.create(manager("Bo B", { managerId: lead.id }));
    const c = await user.caller.people.create(manager("Cy C", { managerId: lead.id }));
    const underC = await user.caller.people.create(manager("Di under C", { managerId: c.id }));
    const deep = await user.caller.people.create(ic("Ed deep", { managerId: underC.id }));
    const outside = await user.caller.people.create(ic("Fay outside"));
    for (const to of [b.id, c.id, underC.id, deep.id]) {
      await expect(user.caller.people.archive({ id: lead.id, reportsGoTo: to })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "That person reports to one of the people moving: choose someone else.",
      });
    }
    await user.caller.people.archive({ id: lead.id, reportsGoTo: outside.id });
    const after = await user.caller.people.get({ id: deep.id });
    expect(after.managers.map((m) => m.name)).toEqual(["Di under C", "Cy C", "Fay outside"]);
    // The chart follows the move: moving Fay under Ed now would be a loop three levels down.
    const fay = (await user.caller.people.get({ id: outside.id })).person;
    await expect(
      user.caller.people.update({ ...ic("Fay outside"), id: fay.id, version: fay.version, managerId: deep.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/loop/) });
  });

  it("archiving the manager of someone archived needs no choice; restoring under an archived manager moves to me", async () => {
    const user = await createUser(database.current.db);
    const boss = await user.caller.people.create(manager("Boss"));
    const report = await user.caller.people.create(ic("Report", { managerId: boss.id }));
    await user.caller.people.archive({ id: report.id });
    await user.caller.people.archive({ id: boss.id });
    await expect(user.caller.people.restore({ id: report.id })).resolves.toMatchObject({ managerId: null, movedToMe: true });
  });

  it("the person page shows the line up and down, and the area partner", async () => {
    const user = await createUser(database.current.db);
    const { director, em, staff, dev } = await twoLevelOrg(user);
    await user.caller.areas.create({ name: "Checkout", emPersonId: em.id, icPersonId: staff.id });
    const detail = await user.caller.people.get({ id: em.id });
    expect(detail.managers.map((m) => m.id)).toEqual([director.id]);
    expect(detail.directReports.map((r) => r.id)).toEqual([dev.id]);
    expect(detail.areas).toEqual([
      { id: expect.any(String), name: "Checkout", role: "em", partner: expect.objectContaining({ id: staff.id }) },
    ]);
  });

  it("the org chart is the whole organisation from its top (me here), managers before ICs", async () => {
    const user = await createUser(database.current.db);
    await twoLevelOrg(user);
    const [top, ...others] = await user.caller.people.orgChart();
    expect(others).toEqual([]);
    expect(top).toMatchObject({ name: user.name, you: true, directCount: 1, totalCount: 4 });
    const tree = top!.reports;
    expect(tree[0]).toMatchObject({ name: "Dee Director", you: false, directCount: 2, totalCount: 3 });
    expect(tree[0]!.reports.map((r) => r.name)).toEqual(["Em Manager", "Sia Staff"]);
  });

  it("renamed levels are kept per account", async () => {
    const user = await createUser(database.current.db);
    const { labels, version } = await user.caller.people.ladder();
    await user.caller.people.updateLadder({ ...labels, em: "Team Lead", version } as never);
    expect((await user.caller.people.ladder()).labels).toMatchObject({ em: "Team Lead", staff: "Staff Engineer" });
  });
});

describe("review fixes", () => {
  it("two concurrent moves that would make a loop: one wins, one is refused", async () => {
    const user = await createUser(database.current.db);
    const a = await user.caller.people.create(manager("Alpha"));
    const b = await user.caller.people.create(manager("Beta"));
    const results = await Promise.allSettled([
      user.caller.people.update({ ...manager("Alpha"), id: a.id, version: a.version, managerId: b.id }),
      user.caller.people.update({ ...manager("Beta"), id: b.id, version: b.version, managerId: a.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect((await user.caller.people.orgChart())[0]!.reports).toHaveLength(1);
  });

  it("archiving a person frees their place in an area's pair, so the area stays editable", async () => {
    const user = await createUser(database.current.db);
    const { em, staff } = await twoLevelOrg(user);
    const area = await user.caller.areas.create({ name: "Freed", emPersonId: em.id, icPersonId: staff.id });
    await user.caller.people.archive({ id: staff.id });
    expect(await user.caller.areas.get({ id: area.id })).toMatchObject({ emPersonId: em.id, icPersonId: null });
    await expect(user.caller.areas.update({ id: area.id, name: "Renamed", emPersonId: em.id, icPersonId: null })).resolves.toBeTruthy();
  });

  it("sorts by start date, empty dates last", async () => {
    const user = await createUser(database.current.db);
    await user.caller.people.create(ic("Later", { startDate: "2024-01-01" }));
    await user.caller.people.create(ic("Earlier", { startDate: "2020-01-01" }));
    await user.caller.people.create(ic("Unknown"));
    const names = async (direction: "asc" | "desc") =>
      (await user.caller.people.list({ sort: "startDate", sortDirection: direction })).items.map((p) => p.name);
    expect(await names("asc")).toEqual(["Earlier", "Later", "Unknown"]);
    expect(await names("desc")).toEqual(["Later", "Earlier", "Unknown"]);
  });
});

describe("areas", () => {
  it("pairs an EM with a senior IC, and refuses the wrong tracks or a taken name", async () => {
    const user = await createUser(database.current.db);
    const { em, staff } = await twoLevelOrg(user);
    await expect(user.caller.areas.create({ name: "Bad", emPersonId: staff.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(user.caller.areas.create({ name: "Bad", icPersonId: em.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const area = await user.caller.areas.create({ name: "Platform", emPersonId: em.id, icPersonId: staff.id });
    await expect(user.caller.areas.create({ name: "platform" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await user.caller.areas.get({ id: area.id })).toMatchObject({ em: { id: em.id }, ic: { id: staff.id } });
    await user.caller.areas.delete({ id: area.id });
    await expect(user.caller.areas.get({ id: area.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a person's track cannot change while they are the wrong half of a pair", async () => {
    const user = await createUser(database.current.db);
    const { em, staff } = await twoLevelOrg(user);
    await user.caller.areas.create({ name: "Pair", emPersonId: em.id, icPersonId: staff.id });
    await expect(user.caller.people.update({ ...ic("Em Manager"), id: em.id, version: em.version, level: "staff" })).rejects.toMatchObject({
      message: expect.stringMatching(/EM of Pair/),
    });
  });
});

describe("import and export", () => {
  const csv = ["name,email,title,track,level,manager_email", "Ana,ana@x.com,,ic,senior,bo@x.com", "Bo,bo@x.com,,manager,em,"].join("\n");

  it("a file with one bad row imports nothing and says which row and why", async () => {
    const user = await createUser(database.current.db);
    const bad = `${csv}\nCy,cy@x.com,,ic,wizard,`;
    const preview = await user.caller.people.previewImport({ csv: bad });
    expect(preview.valid).toBe(false);
    await expect(user.caller.people.commitImport({ csv: bad })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'Line 4: "wizard" is not a level of the IC track. Nothing was imported.',
    });
    expect((await user.caller.people.list()).items).toEqual([]);
  });

  it("imports a valid file with its reporting lines, and exports it back", async () => {
    const user = await createUser(database.current.db);
    await expect(user.caller.people.commitImport({ csv })).resolves.toEqual({ imported: 2 });
    const list = (await user.caller.people.list()).items;
    expect(list.find((p) => p.name === "Ana")).toMatchObject({ managerName: "Bo", level: "senior" });
    // Bo reports to the importer (a fortnightly 1:1); Ana, under Bo, starts with no set cadence.
    const cadenceOf = async (name: string) => (await user.caller.people.get({ id: list.find((p) => p.name === name)!.id })).person.cadence;
    expect(await cadenceOf("Bo")).toBe("fortnightly");
    expect(await cadenceOf("Ana")).toBe("none");
    const exported = await user.caller.people.exportCsv();
    expect(exported.split(/\r?\n/)).toEqual([
      "name,email,title,track,level,manager_email",
      "Ana,ana@x.com,,ic,Senior Engineer,bo@x.com",
      "Bo,bo@x.com,,manager,Engineering Manager,",
    ]);
    // Importing the same file again is refused: those people exist.
    await expect(user.caller.people.commitImport({ csv })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a file of more rows than one statement takes, reports listed before their managers, loads whole with its lines", async () => {
    const user = await createUser(database.current.db);
    // 800 people, ten reports to each manager, listed bottom up: every report before their manager.
    const lines = ["name,email,title,track,level,manager_email"];
    for (let i = 799; i >= 0; i--) lines.push(`P${i},p${i}@x.com,,manager,em,${i > 0 ? `p${Math.floor((i - 1) / 10)}@x.com` : ""}`);
    const file = lines.join("\n");
    const preview = await user.caller.people.previewImport({ csv: file });
    expect(preview.valid).toBe(true);
    expect(preview.rows.map((r) => r.line)).toEqual(Array.from({ length: 800 }, (_, i) => i + 2));
    await expect(user.caller.people.commitImport({ csv: file })).resolves.toEqual({ imported: 800 });
    const exported = (await user.caller.people.exportCsv()).split(/\r?\n/);
    expect(exported).toHaveLength(801);
    expect(exported).toContain("P799,p799@x.com,,manager,Engineering Manager,p79@x.com");
    expect(exported).toContain("P0,p0@x.com,,manager,Engineering Manager,");
    // A bad row anywhere (here the last) keeps every other row out, as one statement did.
    const other = await createUser(database.current.db);
    const bad = `${file.replaceAll("@x.com", "@y.com")}\nLast,last@y.com,,ic,wizard,`;
    await expect(other.caller.people.commitImport({ csv: bad })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await other.caller.people.list()).items).toEqual([]);
  });
});

describe("demo organisation", () => {
  it("loads a director's org with three pairs, only into an empty account", async () => {
    const user = await createUser(database.current.db);
    await expect(user.caller.people.loadDemo()).resolves.toMatchObject({ areas: 3 });
    const tree = (await user.caller.people.orgChart())[0]!.reports;
    expect(tree.filter((n) => n.track === "manager")).toHaveLength(3);
    expect(tree.filter((n) => n.track === "ic").length).toBeGreaterThanOrEqual(3);
    const areaList = await user.caller.areas.list();
    expect(areaList.every((a) => a.em?.track === "manager" && a.ic?.track === "ic")).toBe(true);
    // The director's six reports keep their cadence; the eleven further down have none (their own manager sets it).
    const everyone = (await user.caller.people.list()).items.filter((p) => p.id !== user.actor.personId);
    const cadenceOf = async (id: string) => (await user.caller.people.get({ id })).person.cadence;
    // (managerId null: reports to the reader.)
    const direct = everyone.filter((p) => p.managerId === null);
    const below = everyone.filter((p) => p.managerId !== null);
    expect(direct).toHaveLength(6);
    expect((await Promise.all(direct.map((p) => cadenceOf(p.id)))).filter((c) => c === "none")).toEqual([]);
    expect(below).toHaveLength(11);
    expect(await Promise.all(below.map((p) => cadenceOf(p.id)))).toEqual(Array(11).fill("none"));
    // The 1:1s page lists the six the director meets, with no one else crowding it.
    const overview = await user.caller.oneOnOnes.overview();
    expect(overview.people.map((p) => p.id).sort()).toEqual(direct.map((p) => p.id).sort());
    expect((await user.caller.oneOnOnes.others({})).items).toEqual([]);
    await expect(user.caller.people.loadDemo()).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("query counts stay flat as the org grows", () => {
  async function orgOf(size: number) {
    const user = await createUser(database.current.db);
    const rows = ["name,email,title,track,level,manager_email"];
    for (let i = 0; i < size; i++) {
      const managerEmail = i < 5 ? "" : `p${Math.floor(i / 5) - 1}@x.com`;
      rows.push(`Person ${i},p${i}@x.com,,${i % 2 ? "ic" : "manager"},${i % 2 ? "staff" : "em"},${managerEmail}`);
    }
    await user.caller.people.commitImport({ csv: rows.join("\n") });
    const someone = (await user.caller.people.list({ search: "Person 3" })).items[0]!;
    return { user, someone };
  }

  async function queriesOf(run: () => Promise<unknown>) {
    database.current.queries.length = 0;
    await run();
    return database.current.queries.length;
  }

  it("for 10 and 500 people: list, org chart and person page", async () => {
    const small = await orgOf(10);
    const large = await orgOf(500);
    for (const [name, run] of [
      ["list", (u: TestUser) => u.caller.people.list({ sort: "level" })],
      ["orgChart", (u: TestUser) => u.caller.people.orgChart()],
      ["areas", (u: TestUser) => u.caller.areas.list()],
    ] as const) {
      const a = await queriesOf(() => run(small.user));
      const b = await queriesOf(() => run(large.user));
      expect(b, name).toBe(a);
      expect(a, name).toBeLessThanOrEqual(3);
    }
    const a = await queriesOf(() => small.user.caller.people.get({ id: small.someone.id }));
    const b = await queriesOf(() => large.user.caller.people.get({ id: large.someone.id }));
    expect(b).toBe(a);
    const page = await large.user.caller.people.list();
    expect([page.items.length, page.total]).toEqual([50, 500]);
  });
});
