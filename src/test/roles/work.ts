import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { metricBindings } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Org } from "./org";
import { everyone, only, shows, type Matrix } from "./types";

/** R1's p99 metric bound to a query on the organisation's data source (in the cell's rolled-back transaction). */
const bindForTest = (org: Org, db: Db) =>
  db.insert(metricBindings).values({ orgId: org.orgId, metricId: org.metric.id, dataSourceId: org.dataSource.id, query: "up" });

// Targets, delegation and API tokens.
//
// R1's target is set by E1 (its controller), in the Checkout area, owned by R1
// alone: R1 checks in, E1 edits its definition, the line above sees it (the
// roll-up), E2 is R1's pair partner but not an owner, so sees nothing; an
// admin not in the line sees nothing either. Setting a target for R1 is for
// the line above R1 (the creator becomes its controller).
//
// R1's task is delegated by E1: R1 (the delegatee) and the line above see it,
// the delegator edits it and its level; its competency and criticality
// ratings are not shared with R1 (checked below).

const r1Target = (org: {
  r1Target: { id: string; version: number };
  people: { R1: { id: string } };
  areas: { checkout: { id: string } };
}) => ({
  title: "Checkout p99 under 250 ms",
  kind: "speed" as const,
  areaId: org.areas.checkout.id,
  ownerIds: [org.people.R1.id],
  startDate: "2026-01-01",
  dueDate: "2026-12-31",
});

/** R1 sees their task's level, not its ratings, unless the delegator shares them (the world's task does not). */
function noRatingsForSelf(result: unknown, cell: { role: string }) {
  if (cell.role !== "self") return;
  const text = JSON.stringify(result);
  expect(text, "the delegatee sees the competency and criticality their delegator did not share").not.toMatch(
    /"(competency|criticality)":\d/,
  );
}

export const workMatrix: Matrix = {
  "targets.list": [
    {
      subject: "the targets the caller sees (R1's among them)",
      expect: everyone(),
      check: shows(["self", "manager", "skip", "top"], (org) => org.r1Target.id),
    },
    {
      subject: "the targets the caller sees (the shared one among them)",
      expect: everyone(),
      check: shows(["self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"], (org) => org.sharedTarget.id),
    },
    {
      subject: "a page of one of the targets the caller sees, filtered by health (in SQL)",
      input: () => ({ status: "active" as const, health: "off_track" as const, limit: 1 }),
      expect: everyone(),
      check: (result) => {
        const page = result as { items: { health: string | null }[]; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(1);
        for (const t of page.items) expect(t.health).toBe("off_track");
      },
    },
    {
      subject: "the targets list with a cursor it did not hand out",
      input: () => ({ cursor: "not-a-cursor" }),
      // A 400 for everyone signed in: the cursor is refused before anything is read.
      expect: everyone(),
      allowedAs: ["BAD_REQUEST"],
    },
  ],
  "targets.findSimilar": [
    {
      subject: "R1's target's title, as typed in the target form",
      input: (org) => ({ title: org.r1Target.title.toLowerCase() }),
      // Everyone may ask; only who sees the target is told of it (the leak check holds the others to it).
      expect: everyone(),
      check: shows(["self", "manager", "skip", "top"], (org) => org.r1Target.id),
    },
    {
      subject: "R1's target's title, editing it (the target left out)",
      input: (org) => ({ title: org.r1Target.title, excludeId: org.r1Target.id }),
      expect: only("self", "manager", "skip", "top"),
    },
  ],
  "targets.formOptions": { subject: "the caller's people and areas for a target form", expect: everyone() },
  "targets.exportCsv": { subject: "the targets the caller sees, as CSV", expect: everyone() },
  "targets.get": [
    {
      subject: "R1's target (controller E1, owner R1)",
      input: (org) => ({ id: org.r1Target.id }),
      expect: only("self", "manager", "skip", "top"),
    },
    {
      subject: "the Platform pair's target (controller D, owners E1 + S)",
      input: (org) => ({ id: org.pairTarget.id }),
      // E1 owns it; R1 is below an owner, not an owner: nothing grants R1 a look.
      expect: only("manager", "skip", "top"),
    },
    {
      subject: "a target D shares with the organisation",
      input: (org) => ({ id: org.sharedTarget.id }),
      expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
    },
  ],
  "targets.create": [
    {
      subject: "a new target owned by R1",
      input: (org) => r1Target(org),
      // Whoever sets a target controls it; its owners are the setter's part of the chart, themself included (R1 may set their own).
      expect: only("self", "manager", "skip", "top"),
    },
    {
      subject: "a sub-target of the Platform pair's target, owned by R1",
      input: (org) => ({ ...r1Target(org), parentId: org.pairTarget.id }),
      // Its controller (D) and its owners (E1; S) split it, for people below them; V above sees it and does not split it.
      expect: only("manager", "skip"),
    },
  ],
  "targets.update": {
    subject: "R1's target's definition",
    input: (org) => ({ ...r1Target(org), id: org.r1Target.id, version: org.r1Target.version }),
    expect: only("manager"),
  },
  "targets.setStatus": { subject: "R1's target", input: (org) => ({ id: org.r1Target.id, status: "dropped" }), expect: only("manager") },
  "targets.delete": [
    { subject: "R1's target", input: (org) => ({ id: org.r1Target.id }), expect: only("manager") },
    {
      subject: "the Platform pair's target, which has a sub-target",
      input: (org) => ({ id: org.pairTarget.id }),
      // Its controller gets past the access check and is refused: its sub-target is neither deleted nor cut loose.
      expect: only("skip"),
      allowedAs: ["CONFLICT"],
    },
  ],
  "targets.addMetric": {
    subject: "R1's target",
    input: (org) => ({ targetId: org.r1Target.id, name: "Error rate", kind: "milestone" }),
    expect: only("manager"),
  },
  "targets.updateMetric": {
    subject: "R1's target's p99 metric",
    input: (org) => ({ id: org.metric.id, version: org.metric.version, name: "Renamed", kind: "milestone" }),
    expect: only("manager"),
  },
  "targets.deleteMetric": { subject: "R1's target's p99 metric", input: (org) => ({ id: org.metric.id }), expect: only("manager") },
  "targets.setMilestoneDone": {
    subject: "R1's target's milestone",
    input: (org) => ({ id: org.milestone.id, done: true }),
    // Marking a milestone reached is a check-in: the owners' (and the controller's).
    expect: only("self", "manager"),
  },
  "targets.checkIns": [
    {
      subject: "R1's target's p99 metric's check-ins",
      input: (org) => ({ metricId: org.metric.id }),
      expect: only("self", "manager", "skip", "top"),
      check: shows(["self", "manager", "skip", "top"], (org) => org.checkIn.id),
    },
    {
      subject: "the Platform pair's metric's check-ins, a page of one",
      input: (org) => ({ metricId: org.pairMetric.id, limit: 1 }),
      expect: only("manager", "skip", "top"),
    },
  ],
  "targets.addCheckIn": {
    subject: "R1's target's p99 metric",
    input: (org) => ({ metricId: org.metric.id, value: 390, at: new Date("2026-02-02") }),
    expect: only("self", "manager"),
  },
  "targets.addCheckIns": {
    subject: "R1's target's p99 metric",
    input: (org) => ({ metricId: org.metric.id, text: "2026-02-03,380" }),
    expect: only("self", "manager"),
  },
  "targets.updateCheckIn": {
    subject: "a check-in on R1's target",
    input: (org) => ({ id: org.checkIn.id, version: org.checkIn.version, value: 410, at: new Date("2026-02-01") }),
    expect: only("self", "manager"),
  },
  "targets.deleteCheckIn": {
    subject: "a check-in on R1's target",
    input: (org) => ({ id: org.checkIn.id }),
    expect: only("self", "manager"),
  },

  "apiTokens.list": { subject: "the caller's tokens", expect: everyone(), check: shows(["self"], (org) => org.token.id) },
  "apiTokens.create": { subject: "a token for the caller", input: () => ({ name: "Mine" }), expect: everyone() },
  "apiTokens.revoke": { subject: "R1's token", input: (org) => ({ id: org.token.id }), expect: only("self") },

  "integrations.dataSources": {
    subject: "the organisation's data sources",
    // Everyone picks a source for a metric; nobody ever gets its credentials back (the leak check below).
    expect: everyone(),
    check: (result, cell) => {
      shows(["self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"], (org) => org.dataSource.id)(result, cell);
      if (JSON.stringify(result).includes(cell.org.dataSourceToken)) throw new Error("a data source's token reached the browser");
    },
  },
  "integrations.createDataSource": {
    subject: "a new data source in the caller's organisation",
    input: () => ({ name: `Prometheus ${randomUUID().slice(0, 8)}`, baseUrl: "http://127.0.0.1:9", authKind: "none" }),
    expect: only("top", "admin", "otherOrg"),
  },
  "integrations.updateDataSource": {
    subject: "the organisation's data source",
    input: (org) => ({
      id: org.dataSource.id,
      version: org.dataSource.version,
      name: "Renamed",
      baseUrl: "http://127.0.0.1:9",
      authKind: "bearer",
    }),
    expect: only("top", "admin"),
  },
  "integrations.deleteDataSource": {
    subject: "the organisation's data source",
    input: (org) => ({ id: org.dataSource.id }),
    expect: only("top", "admin"),
  },
  "integrations.binding": {
    subject: "R1's target's p99 metric (bound)",
    input: (org) => ({ metricId: org.metric.id }),
    prepare: (org, db) => bindForTest(org, db),
    // Read with the metric: whoever sees the target.
    expect: only("self", "manager", "skip", "top"),
    check: shows(["self", "manager", "skip", "top"], (org) => org.dataSource.id),
  },
  "integrations.previewQuery": {
    subject: "a query for R1's target's p99 metric (nothing listens at the source: the answer says so)",
    input: (org) => ({ metricId: org.metric.id, dataSourceId: org.dataSource.id, query: "up" }),
    // Binding is a change to the metric: its target's controller.
    expect: only("manager"),
  },
  "integrations.bindMetric": {
    subject: "R1's target's p99 metric",
    input: (org) => ({ metricId: org.metric.id, dataSourceId: org.dataSource.id, query: "up", intervalMinutes: 60 }),
    // The source does not answer: bound all the same, with the error on the metric.
    expect: only("manager"),
  },
  "integrations.unbindMetric": {
    subject: "R1's target's p99 metric (bound)",
    input: (org) => ({ metricId: org.metric.id }),
    prepare: (org, db) => bindForTest(org, db),
    expect: only("manager"),
  },
  "integrations.pullNow": {
    subject: "R1's target's p99 metric (bound)",
    input: (org) => ({ metricId: org.metric.id }),
    prepare: (org, db) => bindForTest(org, db),
    expect: only("manager"),
  },
  "integrations.testDataSource": {
    subject: "the organisation's data source (nothing listens there: the answer says so)",
    input: (org) => ({ id: org.dataSource.id }),
    expect: only("top", "admin"),
    check: (result, cell) => {
      if (!["top", "admin"].includes(cell.role)) return;
      if ((result as { ok: boolean }).ok) throw new Error("a connection test to a closed port passed");
    },
  },

  "delegation.activeSpectrum": { subject: "the organisation's active spectrum", expect: everyone() },
  "delegation.spectrums": { subject: "the organisation's spectrums", expect: everyone() },
  "delegation.createSpectrum": {
    subject: "a new spectrum in the caller's organisation",
    input: () => ({ kind: "m30" }),
    // The spectrums offered are an organisation setting: its admins'.
    expect: only("top", "admin", "otherOrg"),
  },
  "delegation.updateSpectrum": {
    subject: "the organisation's inactive spectrum",
    input: (org) => ({
      id: org.otherSpectrum.id,
      version: org.otherSpectrum.version,
      name: "Renamed",
      levels: org.otherLevels.map((l) => ({ id: l.id, label: l.label, meaning: l.meaning, autonomy: l.autonomy })),
    }),
    expect: only("top", "admin"),
  },
  "delegation.previewSwitch": {
    subject: "the organisation's inactive spectrum",
    input: (org) => ({ id: org.otherSpectrum.id }),
    expect: only("top", "admin"),
  },
  "delegation.activateSpectrum": {
    subject: "the organisation's inactive spectrum",
    input: (org) => ({ id: org.otherSpectrum.id }),
    expect: only("top", "admin"),
  },
  "delegation.createTask": {
    subject: "a new task for R1",
    input: (org) => ({ personId: org.people.R1.id, title: "Rae owns the on-call rota", competency: 4, criticality: 2 }),
    // The creator becomes its delegator: the line above R1.
    expect: only("manager", "skip", "top"),
  },
  "delegation.updateTask": {
    subject: "R1's task (delegated by E1)",
    input: (org) => ({ id: org.task.id, version: org.task.version, title: "Renamed", competency: 4, criticality: 2 }),
    expect: only("manager"),
  },
  "delegation.deleteTask": { subject: "R1's task (delegated by E1)", input: (org) => ({ id: org.task.id }), expect: only("manager") },
  "delegation.setLevel": {
    subject: "R1's task (delegated by E1)",
    input: (org) => ({ id: org.task.id, levelId: org.levels[3]!.id, reason: "Ready for more" }),
    expect: only("manager"),
  },
  "delegation.history": {
    subject: "R1's task (delegated by E1)",
    input: (org) => ({ id: org.task.id }),
    expect: only("self", "manager", "skip", "top"),
    check: noRatingsForSelf,
  },
  "delegation.review": {
    subject: "R1's tasks",
    input: (org) => ({ personId: org.people.R1.id }),
    expect: only("self", "manager", "skip", "top"),
    check: noRatingsForSelf,
  },
  "delegation.overview": {
    subject: "the caller's reports' tasks",
    expect: everyone(),
    check: async (result, cell) => {
      noRatingsForSelf(result, cell);
      await shows(["manager"], (org) => org.people.R1.id)(result, cell);
    },
  },
  "delegation.exportCsv": { subject: "the caller's tasks as CSV", expect: everyone(), check: noRatingsForSelf },
};
