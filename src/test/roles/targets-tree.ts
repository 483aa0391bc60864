import { everyone, only, shows, type Matrix } from "./types";

// Cascading targets (issue #17, part 3): the tree around a target, the trees
// under the caller's own targets, and a move. A sub-target is seen by the usual
// rule; whoever sees it sees the title and health of what it is part of.
//
// The Platform pair's target: controller D, owners E1 and S. Its sub-target
// (subTarget): set by E1, owned by R1. R1's target: controller E1, owner R1.

export const targetsTreeMatrix: Matrix = {
  "targets.tree": [
    {
      subject: "the Platform pair's target's tree",
      input: (org) => ({ id: org.pairTarget.id }),
      expect: only("manager", "skip", "top"),
      check: shows(["manager", "skip", "top"], (org) => org.subTarget.id),
    },
    {
      subject: "the tree around the sub-target R1 owns",
      input: (org) => ({ id: org.subTarget.id }),
      // R1 sees the parent's title (and health) above their target, not the parent itself.
      expect: only("self", "manager", "skip", "top"),
      check: shows(["self", "manager", "skip", "top"], (org) => org.pairTarget.title),
    },
    {
      subject: "the tree of a target D shares with the organisation",
      input: (org) => ({ id: org.sharedTarget.id }),
      expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
    },
  ],
  "targets.trees": [
    {
      subject: "the trees under the caller's own targets",
      expect: everyone(),
      // D set the Platform pair's target and E1 owns it: its tree, with the sub-target, is on both their pages.
      check: shows(["manager", "skip"], (org) => org.subTarget.id),
    },
    {
      subject: "the trees under the caller's own targets, a page of one",
      input: () => ({ limit: 1 }),
      expect: everyone(),
    },
  ],
  "targets.treeBranch": [
    {
      subject: "the Platform pair's target's branch",
      input: (org) => ({ id: org.pairTarget.id }),
      expect: only("manager", "skip", "top"),
      check: shows(["manager", "skip", "top"], (org) => org.subTarget.id),
    },
    {
      subject: "the branch under the sub-target R1 owns",
      input: (org) => ({ id: org.subTarget.id }),
      // The branch is what is below: R1 sees their own target, not the parent.
      expect: only("self", "manager", "skip", "top"),
    },
  ],
  "targets.setParent": [
    {
      subject: "the sub-target made a top-level target",
      input: (org) => ({ id: org.subTarget.id, parentId: null, version: org.subTarget.version }),
      // Where a target sits is part of its definition: its controller's (E1).
      expect: only("manager"),
    },
    {
      subject: "R1's target moved under the Platform pair's target",
      input: (org) => ({ id: org.r1Target.id, parentId: org.pairTarget.id, version: org.r1Target.version }),
      // E1 controls R1's target and owns the Platform pair's; R1 is below E1.
      expect: only("manager"),
    },
  ],
};
