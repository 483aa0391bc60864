import { describe, expect, it } from "vitest";
import { areaActions, oneOnOneHref, personActions, targetActions } from "./palette-actions";

describe("the palette's actions on a result", () => {
  it("offers the prep page and a 1:1 for one's report", () => {
    expect(personActions({ id: "p1", name: "Sofia", isMyReport: true })).toEqual([
      { id: "open", label: "Open Sofia", href: "/people/p1" },
      { id: "prep", label: "Prep for Sofia", href: "/one-on-ones/p1/prep" },
      { id: "schedule", label: "Start a 1:1 with Sofia", href: "/one-on-ones/p1?schedule=1" },
    ]);
  });

  it("offers only Open on anyone else (a report does not book their manager's 1:1s)", () => {
    expect(personActions({ id: "m1", name: "Mia", isMyReport: false }).map((a) => a.id)).toEqual(["open"]);
  });

  it("offers Check in to those who may check in", () => {
    expect(targetActions({ id: "t1", title: "Latency", mayCheckIn: true }).map((a) => a.href)).toEqual([
      "/targets/t1",
      "/targets/t1#metrics-heading",
    ]);
    expect(targetActions({ id: "t1", title: "Latency", mayCheckIn: false }).map((a) => a.id)).toEqual(["open"]);
  });

  it("offers a new target for an area, with the area preselected", () => {
    expect(areaActions({ id: "a 1", name: "Payments" })[1]).toEqual({
      id: "new-target",
      label: "New target for this area",
      href: "/targets?new=target&area=a%201",
    });
  });

  it("opens a note, point or action on its 1:1, or the person's 1:1s", () => {
    expect(oneOnOneHref({ personId: "p1", meetingId: "m1" })).toBe("/one-on-ones/meeting/m1");
    expect(oneOnOneHref({ personId: "p1", meetingId: null })).toBe("/one-on-ones/p1");
  });
});
