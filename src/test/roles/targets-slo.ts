import { readFileSync } from "node:fs";
import path from "node:path";
import { parseOpenSlo } from "@/lib/slo/parse";
import { targetSlos } from "@/server/db/schema/index";
import { only, type Matrix } from "./types";

// OpenSLO (issue #19, part 4). Importing a file sets a new target, so it goes
// by targets.create's rule: the creator controls it, its owners are their part
// of the chart (R1 may set their own). Exporting reads the target's SLO, so
// whoever sees the target exports it (R1's target: R1, E1 and the line above);
// a target without an SLO is NOT_FOUND for everyone. Measuring it reads the SLO the same way.

const yaml = readFileSync(path.resolve(import.meta.dirname, "../fixtures/openslo/ratio-inline.yaml"), "utf8");

function spec() {
  const parsed = parseOpenSlo(yaml);
  if (!parsed.ok) throw new Error("the fixture does not parse");
  return parsed.spec;
}

export const targetsSloMatrix: Matrix = {
  "targets.importOpenSlo": {
    subject: "an SLO file as a new target owned by R1",
    input: (org) => ({ yaml, areaId: org.areas.checkout.id, ownerIds: [org.people.R1.id], startDate: "2026-01-01", dueDate: "2026-12-31" }),
    expect: only("self", "manager", "skip", "top"),
  },
  "targets.exportOpenSlo": [
    {
      subject: "R1's target, imported from an SLO",
      prepare: (org, db) => db.insert(targetSlos).values({ orgId: org.r1Target.orgId, targetId: org.r1Target.id, spec: spec() }),
      input: (org) => ({ targetId: org.r1Target.id }),
      expect: only("self", "manager", "skip", "top"),
    },
    { subject: "R1's target, which has no SLO", input: (org) => ({ targetId: org.r1Target.id }), expect: only() },
  ],
  // The measurement reads the SLO like the export (no metric is bound here: "unbound" for whoever sees it).
  "targets.measureSlo": [
    {
      subject: "R1's target, imported from an SLO",
      prepare: (org, db) => db.insert(targetSlos).values({ orgId: org.r1Target.orgId, targetId: org.r1Target.id, spec: spec() }),
      input: (org) => ({ targetId: org.r1Target.id }),
      expect: only("self", "manager", "skip", "top"),
    },
    { subject: "R1's target, which has no SLO", input: (org) => ({ targetId: org.r1Target.id }), expect: only() },
  ],
};
