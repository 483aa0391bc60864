import { describe, expect, it } from "vitest";
import { peopleToCsv, previewPeopleCsv, previewSteps, type ImportContext } from "./csv";

const empty: ImportContext = { existing: new Map(), labels: {} };
const header = "name,email,title,track,level,manager_email";

describe("previewPeopleCsv", () => {
  it("reads a valid file, levels by key or label, managers by email in any order", () => {
    const csv = [
      header,
      "Ana Report,ana@x.com,Engineer,ic,Senior Engineer,bo@x.com",
      "Bo Manager,BO@x.com,EM,manager,em,",
      "Cy Staff,cy@x.com,,Individual contributor,staff engineer,",
    ].join("\n");
    const preview = previewPeopleCsv(csv, empty);
    expect(preview.valid).toBe(true);
    expect(preview.rows.map((r) => [r.line, r.track, r.level, r.managerEmail])).toEqual([
      [2, "ic", "senior", "bo@x.com"],
      [3, "manager", "em", null],
      [4, "ic", "staff", null],
    ]);
  });

  it("names the line and the reason of every bad row", () => {
    const csv = [
      header,
      "Ok,ok@x.com,,ic,staff,",
      ",nobody@x.com,,ic,staff,",
      "Wrong Level,wl@x.com,,manager,principal,",
      "Dup,ok@x.com,,ic,senior,",
      "Lost,lost@x.com,,ic,senior,ghost@x.com",
      "Odd,odd@x.com,,wizard,senior,",
    ].join("\n");
    const preview = previewPeopleCsv(csv, empty);
    expect(preview.valid).toBe(false);
    const errors = Object.fromEntries(preview.rows.map((r) => [r.line, r.errors.join(" ")]));
    expect(errors[2]).toBe("");
    expect(errors[3]).toMatch(/Enter a name/);
    expect(errors[4]).toMatch(/"principal" is not a level of the Manager track/);
    expect(errors[5]).toMatch(/also on line 2/);
    expect(errors[6]).toMatch(/No one with the email ghost@x.com/);
    expect(errors[7]).toMatch(/Unknown track "wizard"/);
  });

  it("refuses emails already in the account and archived managers", () => {
    const context: ImportContext = {
      existing: new Map([
        ["taken@x.com", { archived: false }],
        ["gone@x.com", { archived: true }],
      ]),
      labels: {},
    };
    const csv = [header, "A,taken@x.com,,ic,staff,", "B,b@x.com,,ic,staff,gone@x.com", "C,c@x.com,,ic,staff,taken@x.com"].join("\n");
    const rows = previewPeopleCsv(csv, context).rows;
    expect(rows[0]!.errors.join()).toMatch(/already one of your people/);
    expect(rows[1]!.errors.join()).toMatch(/archived/);
    expect(rows[2]!.errors).toEqual([]);
  });

  it("finds a reporting loop inside the file", () => {
    const csv = [header, "A,a@x.com,,manager,em,b@x.com", "B,b@x.com,,manager,em,a@x.com"].join("\n");
    expect(previewPeopleCsv(csv, empty).rows.every((r) => r.errors.some((e) => /loop/.test(e)))).toBe(true);
  });

  it("explains a missing header", () => {
    const preview = previewPeopleCsv("first,last\nA,B", empty);
    expect(preview.fileErrors[0]).toMatch(/missing: name, track, level/);
  });

  it("accepts the account's own level names", () => {
    const preview = previewPeopleCsv(`${header}\nT,t@x.com,,manager,Team Lead,`, { existing: new Map(), labels: { em: "Team Lead" } });
    expect(preview.rows[0]!.level).toBe("em");
  });
});

describe("peopleToCsv", () => {
  it("round-trips through the import and defuses formulas", () => {
    const csv = peopleToCsv(
      [
        { name: "Bo, the Manager", email: "bo@x.com", title: null, track: "manager", level: "em", managerEmail: null },
        { name: "=cmd()", email: "ana@x.com", title: "Eng", track: "ic", level: "staff", managerEmail: "bo@x.com" },
      ],
      {},
    );
    expect(csv).toContain(`"Bo, the Manager"`);
    expect(csv).toContain(`'=cmd()`);
    const preview = previewPeopleCsv(csv, empty);
    expect(preview.valid).toBe(true);
    expect(preview.rows[1]).toMatchObject({ level: "staff", managerEmail: "bo@x.com" });
  });
});

describe("the preview as steps (the server gives other requests turns between them)", () => {
  it("ends with the preview previewPeopleCsv gives, errors and all, pausing at least once per row", () => {
    const text = [
      "name,email,title,track,level,manager_email",
      "Ana,ana@x.com,,ic,senior,bo@x.com",
      "Bo,bo@x.com,,manager,em,",
      "Cy,ana@x.com,,ic,wizard,nobody@x.com",
    ].join("\n");
    const context = { existing: new Map([["bo@x.com", { archived: false }]]), labels: {} };
    const steps = previewSteps(text, context);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(step.value).toEqual(previewPeopleCsv(text, context));
    expect(step.value.valid).toBe(false);
  });
});
