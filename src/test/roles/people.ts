import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { encodeCursor } from "@/lib/keyset";
import { people } from "@/server/db/schema";
import { TEST_PASSWORD } from "../factories";
import { everyone, only, shows, type Matrix } from "./types";

// Account, people and areas. The chart is open inside the organisation (every
// member sees every person record); the line's manager edits a record, an
// admin edits anyone's line; org settings (the ladder, the demo) are the
// admins'. A user of another organisation acts on their own one.

const record = (name: string, managerId: string) => ({
  name,
  track: "ic" as const,
  level: "staff",
  managerId,
  cadence: "weekly" as const,
});

/** An organisation's export cut down to what a member's own export holds: their energy log, plans and notes. */
function ownFileOf(file: unknown) {
  const { tables, ...rest } = file as { tables: Record<string, unknown[]> };
  const own = ["energy_entries", "energy_days", "weekly_reviews", "capacity_weeks", "capacity_items", "coaching_notes", "person_notes"];
  return { ...rest, scope: "own", tables: Object.fromEntries(Object.entries(tables).filter(([name]) => own.includes(name))) };
}

export const peopleMatrix: Matrix = {
  "account.me": {
    subject: "the caller's own account",
    expect: everyone(),
    check: (me, cell) => expect((me as { id: string }).id).toBe(cell.user!.id),
  },
  "account.updateProfile": {
    subject: "the caller's own profile",
    input: () => ({ name: "Renamed", timeZone: "Europe/Paris", version: 1 }),
    expect: everyone(),
  },
  "account.changePassword": {
    subject: "the caller's own password",
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: "another good password", confirmPassword: "another good password" }),
    expect: everyone(),
  },
  "account.export": {
    subject: "the caller's own data, private notes included",
    input: () => ({ includePrivate: true }),
    expect: everyone(),
  },
  "account.import": [
    {
      subject: "a whole organisation's file (another organisation's), into the caller's (non-empty) organisation",
      input: (org) => ({ file: org.otherExport }),
      // Every organisation here has data: the import refuses on that rule, after the access check.
      allowedAs: ["CONFLICT", "BAD_REQUEST"],
      // An organisation's file is the admins' to load.
      expect: only("top", "admin", "otherOrg"),
    },
    {
      subject: "a file of one's own data (the other organisation's user's), into the caller's own",
      input: (org) => ({ file: ownFileOf(org.otherExport) }),
      // Who already has own data here is refused on that rule; the others load it (rolled back).
      allowedAs: ["CONFLICT"],
      expect: everyone(),
    },
  ],
  "account.delete": {
    subject: "the caller's own account",
    input: () => ({ password: TEST_PASSWORD }),
    // The last admin of an organisation may be refused on that rule.
    allowedAs: ["CONFLICT", "BAD_REQUEST"],
    expect: everyone(),
  },

  "people.list": [
    { subject: "the caller's people", expect: everyone() },
    {
      subject: "the caller's people searched for R1's name, a page of one",
      input: () => ({ search: "Rae", limit: 1 }),
      expect: everyone(),
      // R1 is below their line (E1, D, V): it is in their first page; nobody else's list holds them.
      check: (result, cell) => {
        expect((result as { items: unknown[] }).items.length).toBeLessThanOrEqual(1);
        shows(["manager", "skip", "top"], (org) => org.people.R1.id)(result, cell);
      },
    },
    {
      subject: "the caller's people after a cursor (a page further on, sorted by name)",
      input: () => ({ search: "Rae", cursor: encodeCursor(["name", "asc", "A", "00000000-0000-0000-0000-000000000000"]) }),
      expect: everyone(),
      check: shows(["manager", "skip", "top"], (org) => org.people.R1.id),
    },
  ],
  "people.options": { subject: "the caller's people", expect: everyone() },
  "people.pick": [
    {
      subject: "R1's name, typed in a people picker",
      input: (org) => ({ query: org.people.R1.name }),
      // A picker offers the caller's part of the chart (as people.options): R1's line above them.
      expect: everyone(),
      check: shows(["manager", "skip", "top"], (org) => org.people.R1.id),
    },
    {
      subject: "R1 as a picker's current value, labelled",
      input: (org) => ({ ids: [org.people.R1.id] }),
      // The chart is open inside the organisation: anyone in it may see R1's name; the other org's user, NOT_FOUND.
      expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
      check: shows(["self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"], (org) => org.people.R1.id),
    },
  ],
  "people.orgChart": {
    subject: "the caller's chart",
    expect: everyone(),
    // DESIGN: the org chart is open inside the organisation.
    check: shows(["self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"], (org) => org.people.R1.id),
  },
  "people.orgChartBranch": {
    subject: "E1's reports (R1 and R2) as a folded branch",
    input: (org) => ({ id: org.people.E1.id }),
    // Open inside the organisation, like the chart it folds out of.
    expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
    check: shows(["self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"], (org) => org.people.R1.id),
  },
  "people.exportCsv": { subject: "the caller's people as CSV", expect: everyone() },
  "people.findSimilar": [
    {
      subject: "R1's name, as typed in the add-person form",
      input: (org) => ({ name: ` ${org.people.R1.name.toUpperCase()} ` }),
      // The chart is open inside the organisation: everyone in it is told R1 is there; the other org's user is told of nobody.
      expect: everyone(),
      check: shows(["self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"], (org) => org.people.R1.id),
    },
    {
      subject: "R1's name, editing R1 (R1 left out)",
      input: (org) => ({ name: org.people.R1.name, excludeId: org.people.R1.id }),
      expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
    },
  ],
  "people.get": {
    subject: "R1's person record",
    input: (org) => ({ id: org.people.R1.id }),
    expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
  },
  "people.create": {
    subject: "a new person under R1",
    input: (org) => ({ ...record("New hire", org.people.R1.id), email: null }),
    // R1's part of the chart is R1 and below: R1 may add their own report, as may the line above and an admin.
    expect: only("self", "manager", "skip", "top", "admin"),
  },
  "people.update": {
    subject: "R1's person record",
    input: (org) => ({ ...record("Rae Renamed", org.people.E1.id), id: org.people.R1.id, version: org.people.R1.version }),
    // DESIGN: the manager sees and edits, skip-levels see, an admin edits the line.
    expect: only("manager", "top", "admin"),
  },
  "people.archive": {
    subject: "R1",
    input: (org) => ({ id: org.people.R1.id }),
    expect: only("manager", "top", "admin"),
  },
  "people.restore": {
    subject: "R1, archived",
    prepare: (org, db) => db.update(people).set({ archivedAt: new Date() }).where(eq(people.id, org.people.R1.id)),
    input: (org) => ({ id: org.people.R1.id }),
    expect: only("manager", "top", "admin"),
  },
  "people.previewImport": {
    subject: "a CSV of one new report of the caller",
    input: () => ({ csv: "name,email,title,track,level,manager_email\nNew,new-hire@example.com,,ic,staff,\n" }),
    expect: everyone(),
  },
  "people.commitImport": {
    subject: "a CSV of one new report of the caller",
    input: () => ({ csv: "name,email,title,track,level,manager_email\nNew,new-hire@example.com,,ic,staff,\n" }),
    expect: everyone(),
  },
  "people.loadDemo": {
    subject: "the caller's organisation (not empty)",
    // Only an admin loads the demo; into a non-empty organisation it is refused on that rule.
    allowedAs: ["CONFLICT"],
    expect: only("top", "admin", "otherOrg"),
  },
  "people.ladder": { subject: "the organisation's level names", expect: everyone() },
  "people.updateLadder": {
    subject: "the caller's organisation's level names",
    input: (org) => ({ ...(org.ladder.labels as Record<string, string>), em: "Team lead", version: org.ladder.version }),
    expect: only("top", "admin", "otherOrg"),
  },

  "areas.list": { subject: "the organisation's areas", expect: everyone() },
  "areas.get": {
    subject: "Checkout (E2 + R1)",
    input: (org) => ({ id: org.areas.checkout.id }),
    expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
  },
  "areas.create": {
    subject: "a new area with R1 as its IC",
    input: (org) => ({ name: "Search", icPersonId: org.people.R1.id }),
    // An area is part of its people's records: the line above R1 and admins set it, not R1.
    expect: only("manager", "skip", "top", "admin"),
  },
  "areas.update": {
    subject: "Checkout (E2 + R1)",
    input: (org) => ({
      id: org.areas.checkout.id,
      name: "Checkout & payments",
      emPersonId: org.people.E2.id,
      icPersonId: org.people.R1.id,
    }),
    // R1's manager; D, who is E2's manager; admins. Neither member of the pair edits it alone.
    expect: only("manager", "skip", "top", "admin"),
  },
  "areas.delete": {
    subject: "Checkout (E2 + R1)",
    input: (org) => ({ id: org.areas.checkout.id }),
    expect: only("manager", "skip", "top", "admin"),
  },
};
