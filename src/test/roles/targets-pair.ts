import { only, shows, type Matrix } from "./types";

// The pair's side of a target (issue #17, part 2): its comment thread and its
// weekly status. Whoever sees the target reads both; its controller and its
// owners write (the policy's checkInTarget); a comment is deleted by its
// author alone. The line above the owners, and anyone a target is shared with,
// read and do not write: NOT_FOUND, as for anyone who does not see it.
//
// R1's target: controller E1, owner R1. The Platform pair's: controller D,
// owners E1 and S. The shared one: controller D, owner E2.

export const targetsPairMatrix: Matrix = {
  "targets.comments": [
    {
      subject: "R1's target's thread",
      input: (org) => ({ targetId: org.r1Target.id }),
      expect: only("self", "manager", "skip", "top"),
      check: shows(["self", "manager", "skip", "top"], (org) => org.selfComment.body),
    },
    {
      subject: "the Platform pair's target's thread",
      input: (org) => ({ targetId: org.pairTarget.id }),
      expect: only("manager", "skip", "top"),
    },
    {
      subject: "the thread of a target D shares with the organisation",
      input: (org) => ({ targetId: org.sharedTarget.id }),
      expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
    },
  ],
  "targets.addComment": [
    {
      subject: "R1's target",
      input: (org) => ({ targetId: org.r1Target.id, body: "Cache warmed, p99 dropping" }),
      // The owner and the controller; the line above reads the thread only.
      expect: only("self", "manager"),
    },
    {
      subject: "the Platform pair's target",
      input: (org) => ({ targetId: org.pairTarget.id, body: "Failover drill on Friday" }),
      // D controls it, E1 owns it (with S); V above them reads only.
      expect: only("manager", "skip"),
    },
    {
      subject: "a target D shares with the organisation",
      input: (org) => ({ targetId: org.sharedTarget.id, body: "Onboarding copy done" }),
      // Seen by everyone in the organisation, written by its controller (D) and its owner (E2) alone.
      expect: only("skip", "pair"),
    },
  ],
  "targets.deleteComment": [
    { subject: "R1's comment on their target", input: (org) => ({ id: org.selfComment.id }), expect: only("self") },
    { subject: "E1's comment on R1's target", input: (org) => ({ id: org.managerComment.id }), expect: only("manager") },
  ],
  "targets.statusUpdates": [
    {
      subject: "R1's target's weekly statuses",
      input: (org) => ({ targetId: org.r1Target.id }),
      expect: only("self", "manager", "skip", "top"),
      check: shows(["self", "manager", "skip", "top"], (org) => org.statusUpdate.body),
    },
    {
      subject: "the weekly statuses of a target D shares with the organisation",
      input: (org) => ({ targetId: org.sharedTarget.id }),
      expect: only("self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"),
    },
  ],
  "targets.saveStatus": [
    {
      subject: "this week's status of R1's target (an edit of R1's)",
      input: (org) => ({ targetId: org.r1Target.id, body: "On track after the cache rollout.", version: org.statusUpdate.version }),
      expect: only("self", "manager"),
    },
    {
      subject: "the Platform pair's target's first status of the week",
      input: (org) => ({ targetId: org.pairTarget.id, body: "Uptime holding at 99.96%.", version: 0 }),
      expect: only("manager", "skip"),
    },
  ],
};
