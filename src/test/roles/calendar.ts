import { everyone, only, type Matrix } from "./types";

// The calendar feed is its member's own, like an API token: R1 has one
// (org.ts); everyone else asks about, makes or revokes only their own.

export const calendarMatrix: Matrix = {
  "calendar.feedStatus": {
    subject: "the caller's feed",
    expect: everyone(),
    check: (result, cell) => {
      const { active } = result as { active: boolean };
      if (active !== (cell.role === "self")) throw new Error(`${cell.role} is told of a feed that is not theirs (or not of their own)`);
    },
  },
  "calendar.createFeed": { subject: "a feed for the caller", expect: everyone() },
  "calendar.revokeFeed": { subject: "R1's feed", expect: only("self") },
};
