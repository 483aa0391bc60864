import { describe, expect, it } from "vitest";
import { addedSince, mayChangePoint, mayTickAction, pointAuthor } from "./agenda";
import { nextBookingOffer } from "./cadence";

const dana = { id: "dana", name: "Dana Director" };
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const point = (id: string, authorPersonId: string | null, created: string, discussedInId: string | null = null) => ({
  id,
  authorPersonId,
  createdAt: at(created),
  discussedInId,
});

describe("who added a point", () => {
  it("is 'You' for the reader's own points, a first name otherwise", () => {
    expect(pointAuthor({ authorPersonId: "sofia" }, "Sofia Staff", "sofia", dana)).toEqual({
      id: "sofia",
      name: "Sofia Staff",
      you: true,
      label: "You",
    });
    expect(pointAuthor({ authorPersonId: "sofia" }, "Sofia Staff", "dana", dana)?.label).toBe("Sofia");
  });

  it("a point from before authors were kept is the manager's", () => {
    expect(pointAuthor({ authorPersonId: null }, null, "sofia", dana)).toMatchObject({ id: "dana", label: "Dana", you: false });
    expect(pointAuthor({ authorPersonId: null }, null, "dana", dana)).toMatchObject({ label: "You", you: true });
    // With no manager to name (an old manager's reading), no author is shown rather than a wrong one.
    expect(pointAuthor({ authorPersonId: null }, null, "eli", null)).toBeNull();
  });
});

describe("what one side added since the last 1:1", () => {
  const points = [
    point("old-hers", "sofia", "2026-11-01"),
    point("new-hers", "sofia", "2026-11-20"),
    point("new-his", "dana", "2026-11-21"),
    point("legacy", null, "2026-11-22"),
    point("discussed", "sofia", "2026-11-23", "m1"),
  ];
  const since = at("2026-11-10");

  it("the report's, since: open, hers, newer than the last held 1:1", () => {
    expect(addedSince(points, "sofia", since).map((p) => p.id)).toEqual(["new-hers"]);
  });
  it("everyone's but the report's: the manager's, including points without an author", () => {
    expect(addedSince(points, { not: "sofia" }, since).map((p) => p.id)).toEqual(["new-his", "legacy"]);
  });
  it("before the first 1:1, all of them still open", () => {
    expect(addedSince(points, "sofia", null).map((p) => p.id)).toEqual(["old-hers", "new-hers"]);
  });
});

describe("what each side may do on the page (as policy.ts rules)", () => {
  it("the manager changes every point and ticks every action", () => {
    expect(mayChangePoint("manager", { authorPersonId: "sofia" }, "dana")).toBe(true);
    expect(mayChangePoint("manager", { authorPersonId: null }, "dana")).toBe(true);
    expect(mayTickAction("manager", { assignee: "them" })).toBe(true);
    expect(mayTickAction("manager", { assignee: "me" })).toBe(true);
  });
  it("the report changes her own points and ticks the actions assigned to her, never the manager's", () => {
    expect(mayChangePoint("report", { authorPersonId: "sofia" }, "sofia")).toBe(true);
    expect(mayChangePoint("report", { authorPersonId: "dana" }, "sofia")).toBe(false);
    expect(mayChangePoint("report", { authorPersonId: null }, "sofia")).toBe(false);
    expect(mayTickAction("report", { assignee: "them" })).toBe(true);
    expect(mayTickAction("report", { assignee: "me" })).toBe(false);
  });
  it("an old manager reads", () => {
    expect(mayChangePoint("former", { authorPersonId: "eli" }, "eli")).toBe(false);
    expect(mayTickAction("former", { assignee: "me" })).toBe(false);
  });
});

describe("the next booking offered after a 1:1 is held", () => {
  const base = {
    status: "held" as const,
    heldDay: "2026-11-26",
    latestHeldDay: "2026-11-26",
    cadence: "weekly" as const,
    cadenceDays: null,
    bookedAhead: false,
  };
  it("is due one cadence after the day it was held", () => {
    expect(nextBookingOffer(base)).toEqual({ dueDay: "2026-12-03" });
    expect(nextBookingOffer({ ...base, cadence: "fortnightly" })).toEqual({ dueDay: "2026-12-10" });
  });
  it("is not offered before it is held, once the next is booked, or on an older 1:1", () => {
    expect(nextBookingOffer({ ...base, status: "scheduled" })).toBeNull();
    expect(nextBookingOffer({ ...base, status: "cancelled" })).toBeNull();
    expect(nextBookingOffer({ ...base, bookedAhead: true })).toBeNull();
    expect(nextBookingOffer({ ...base, latestHeldDay: "2026-11-30" })).toBeNull();
  });
});
