import { everyone, only, shows, type Cell, type Matrix } from "./types";

// The inbox (issue #17, part 6): each member's own items, shown while they
// still see the subject. The world (org.ts) holds R1's item (E1 added a point
// to R1's 1:1), E1's (R1 added one) and U's stale item about R1's target,
// which U does not see: hidden.ts checks that nobody else, and nobody at all
// for the stale one, finds them in any answer.

const bothShown = (result: unknown, cell: Cell) => {
  shows(["self"], (org) => org.selfInboxItem.text)(result, cell);
  shows(["manager"], (org) => org.managerInboxItem.text)(result, cell);
};

export const inboxMatrix: Matrix = {
  "inbox.list": [
    { subject: "the caller's own inbox", expect: everyone(), check: bothShown },
    { subject: "the caller's unread items", input: () => ({ unreadOnly: true }), expect: everyone(), check: bothShown },
  ],
  "inbox.unreadCount": {
    subject: "the caller's own inbox",
    expect: everyone(),
    check: (result, cell) => {
      const { count } = result as { count: number };
      // R1 and E1 have one each; U's only item is about a target U no longer sees, so it is not counted.
      const expected = cell.role === "self" || cell.role === "manager" ? 1 : 0;
      if (count !== expected) throw new Error(`${cell.role} counts ${count} unread, not ${expected}`);
    },
  },
  "inbox.markRead": [
    { subject: "R1's item", input: (org) => ({ id: org.selfInboxItem.id }), expect: only("self") },
    { subject: "E1's item, marked unread", input: (org) => ({ id: org.managerInboxItem.id, read: false }), expect: only("manager") },
    // U's item about R1's target: U no longer sees the target, so the item is not there for U either.
    { subject: "U's item about a target U no longer sees", input: (org) => ({ id: org.staleInboxItem.id }), expect: only() },
  ],
  "inbox.markAllRead": [
    { subject: "the caller's own inbox", expect: everyone() },
    // Up to an item that is not the caller's: NOT_FOUND, as a missing one.
    { subject: "the caller's inbox up to R1's item", input: (org) => ({ upTo: org.selfInboxItem.id }), expect: only("self") },
  ],
  "inbox.digest": { subject: "the caller's own digest choice", expect: everyone() },
  "inbox.setDigest": { subject: "the caller's own digest choice", input: () => ({ dailyDigest: true }), expect: everyone() },
};
