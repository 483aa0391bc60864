import { describe, expect, it } from "vitest";
import type { MetricShape } from "@/lib/targets/status";
import { agendaOf, openActions, toCarryOver } from "./agenda";
import { nextBookingOffer, oneOnOneDue } from "./cadence";
import { healthSince, metricMovement } from "./changes";
import { addDays, dayIn, daysBetween } from "./days";
import { escapeMarkdown, prepMarkdown, type PrepForExport } from "./prep-markdown";
import { suggestTalkingPoints, TIGHT_FOR_DAYS, type SuggestionInput } from "./suggestions";

const at = (iso: string) => new Date(iso);

describe("days in the user's time zone", () => {
  it("an instant falls on the user's own day, not the server's", () => {
    const lateEvening = at("2026-03-10T23:30:00Z");
    expect(dayIn(lateEvening, "UTC")).toBe("2026-03-10");
    expect(dayIn(lateEvening, "Europe/Berlin")).toBe("2026-03-11");
    expect(dayIn(at("2026-03-11T03:00:00Z"), "America/Los_Angeles")).toBe("2026-03-10");
  });
  it("adds and counts whole days across month and year ends", () => {
    expect(addDays("2026-12-25", 14)).toBe("2027-01-08");
    expect(daysBetween("2026-02-20", "2026-03-02")).toBe(10);
    expect(daysBetween("2026-03-02", "2026-02-20")).toBe(-10);
  });
});

describe("when the next 1:1 is due", () => {
  const base = { cadence: "fortnightly" as const, cadenceDays: null, today: "2026-11-24", addedDay: "2026-11-01" };
  it("never held: the first is due one cadence after the person was added", () => {
    expect(oneOnOneDue({ ...base, lastHeldDay: null, nextScheduledDay: null })).toEqual({
      state: "overdue",
      dueDay: "2026-11-15",
      daysOverdue: 9,
    });
    expect(oneOnOneDue({ ...base, addedDay: "2026-11-24", lastHeldDay: null, nextScheduledDay: null })).toMatchObject({
      state: "ok",
      dueDay: "2026-12-08",
    });
  });
  it("the last one plus the cadence; past that and not booked is overdue by the days since", () => {
    expect(oneOnOneDue({ ...base, lastHeldDay: "2026-11-01", nextScheduledDay: null })).toEqual({
      state: "overdue",
      dueDay: "2026-11-15",
      daysOverdue: 9,
    });
    expect(oneOnOneDue({ ...base, lastHeldDay: "2026-11-12", nextScheduledDay: null }).state).toBe("due");
    expect(oneOnOneDue({ ...base, lastHeldDay: "2026-11-20", nextScheduledDay: null })).toMatchObject({
      state: "ok",
      dueDay: "2026-12-04",
    });
  });
  it("booked in time is scheduled; booked after the due day is late; booked on a day gone by and not held is overdue", () => {
    expect(oneOnOneDue({ ...base, lastHeldDay: "2026-11-20", nextScheduledDay: "2026-12-03" }).state).toBe("scheduled");
    expect(oneOnOneDue({ ...base, lastHeldDay: "2026-11-20", nextScheduledDay: "2026-12-10" }).state).toBe("late");
    expect(oneOnOneDue({ ...base, lastHeldDay: "2026-11-10", nextScheduledDay: "2026-11-22" })).toMatchObject({
      state: "overdue",
      daysOverdue: 2,
    });
    expect(oneOnOneDue({ ...base, lastHeldDay: null, nextScheduledDay: "2026-12-10" }).state).toBe("scheduled");
  });
  it("custom cadences count their days; weekly is seven", () => {
    expect(oneOnOneDue({ ...base, cadence: "days", cadenceDays: 3, lastHeldDay: "2026-11-20", nextScheduledDay: null }).dueDay).toBe(
      "2026-11-23",
    );
    expect(oneOnOneDue({ ...base, cadence: "weekly", lastHeldDay: "2026-11-20", nextScheduledDay: null }).dueDay).toBe("2026-11-27");
  });
  it("no set cadence: never due, long unmet or not; a booking still stands, and is overdue once its day is past", () => {
    const none = { ...base, cadence: "none" as const };
    expect(oneOnOneDue({ ...none, lastHeldDay: null, nextScheduledDay: null })).toEqual({
      state: "none",
      dueDay: "2026-11-24",
      daysOverdue: 0,
    });
    expect(oneOnOneDue({ ...none, lastHeldDay: "2025-01-01", nextScheduledDay: null }).state).toBe("none");
    expect(oneOnOneDue({ ...none, lastHeldDay: null, nextScheduledDay: "2026-12-10" }).state).toBe("scheduled");
    expect(oneOnOneDue({ ...none, lastHeldDay: null, nextScheduledDay: "2026-11-20" })).toMatchObject({ state: "overdue", daysOverdue: 4 });
    // Held with no cadence: no next one to offer.
    const held = { status: "held" as const, heldDay: "2026-11-24", latestHeldDay: "2026-11-24", cadenceDays: null, bookedAhead: false };
    expect(nextBookingOffer({ ...held, cadence: "none" })).toBeNull();
    expect(nextBookingOffer({ ...held, cadence: "fortnightly" })).toEqual({ dueDay: "2026-12-08" });
  });
});

describe("carry-over", () => {
  const point = (id: string, createdAt: string, discussedInId: string | null = null, topic: "team" | "growth" = "team") => ({
    id,
    createdAt: at(createdAt),
    discussedInId,
    topic,
  });
  const action = (id: string, assignee: "me" | "them", dueDate: string | null, opts: { done?: boolean; in?: string } = {}) => ({
    id,
    assignee,
    dueDate,
    doneAt: opts.done ? at("2026-11-20T00:00:00Z") : null,
    createdAt: at("2026-11-01T00:00:00Z"),
    oneOnOneId: opts.in ?? null,
  });

  it("holding a 1:1 carries every undiscussed point and every open action made before it", () => {
    const carried = toCarryOver(
      [
        point("open", "2026-11-01T10:00:00Z"),
        point("discussed here", "2026-11-01T10:00:00Z", "m1"),
        point("discussed before", "2026-10-01T10:00:00Z", "m0"),
      ],
      [
        action("old", "them", null, { in: "m0" }),
        action("agreed today", "me", null, { in: "m1" }),
        action("done", "me", null, { done: true }),
        action("loose", "me", null),
      ],
      "m1",
    );
    expect(carried).toEqual({ pointIds: ["open"], actionIds: ["old", "loose"] });
  });
  it("the agenda: open points only, grouped by topic, oldest first", () => {
    const agenda = agendaOf([
      point("b", "2026-11-02T10:00:00Z", null, "team"),
      point("gone", "2026-11-01T10:00:00Z", "m1"),
      point("a2", "2026-11-04T10:00:00Z", null, "growth"),
      point("a1", "2026-11-03T10:00:00Z", null, "growth"),
    ]);
    expect(agenda.map((p) => p.id)).toEqual(["a1", "a2", "b"]);
  });
  it("open actions split by side, overdue first, undated last; done ones drop out", () => {
    const { mine, theirs } = openActions(
      [
        action("later", "me", "2026-12-01"),
        action("undated", "me", null),
        action("late", "me", "2026-11-20"),
        action("done", "me", "2026-11-01", { done: true }),
        action("theirs", "them", "2026-11-24"),
      ],
      "2026-11-24",
    );
    expect(mine.map((a) => [a.id, a.overdue])).toEqual([
      ["late", true],
      ["later", false],
      ["undated", false],
    ]);
    expect(theirs).toMatchObject([{ id: "theirs", overdue: false }]);
  });
});

const latency: MetricShape = {
  kind: "number",
  direction: "lower",
  baseline: 400,
  goal: 200,
  bandLow: null,
  bandHigh: null,
  warning: null,
  done: false,
};
const uptime: MetricShape = {
  kind: "number",
  direction: "band",
  baseline: null,
  goal: null,
  bandLow: 99.9,
  bandHigh: 100,
  warning: 0.05,
  done: false,
};

describe("what changed since the last 1:1", () => {
  it("a metric's delta is judged by its direction", () => {
    expect(metricMovement(latency, 300, 250)).toEqual({ then: 300, now: 250, delta: -50, better: true });
    expect(metricMovement({ ...latency, direction: "higher" }, 300, 250).better).toBe(false);
    expect(metricMovement(uptime, 99.5, 99.8).better).toBe(true);
    expect(metricMovement(uptime, 99.95, 99.99).better).toBeNull();
    expect(metricMovement(latency, null, 250)).toEqual({ then: null, now: 250, delta: null, better: null });
  });
  it("a target's health then (values and time as they stood) and now", () => {
    const target = { status: "active", startDate: "2026-09-01", dueDate: "2026-12-31" };
    // On 1 Oct a quarter of the time had passed and progress was on pace; by 24 Nov it has stalled.
    const change = healthSince(target, [{ ...latency, then: 350, now: 350 }], at("2026-10-01T00:00:00Z"), at("2026-11-24T00:00:00Z"));
    expect(change).toEqual({ then: "on_track", now: "off_track", direction: "worse" });
    expect(healthSince(target, [{ ...latency, then: 350, now: 350 }], null, at("2026-11-24T00:00:00Z")).direction).toBe("same");
    expect(
      healthSince(
        { ...target, status: "draft" },
        [{ ...latency, then: 350, now: 350 }],
        at("2026-10-01T00:00:00Z"),
        at("2026-11-24T00:00:00Z"),
      ).now,
    ).toBeNull();
  });
});

describe("suggested talking points", () => {
  const empty: SuggestionInput = { today: "2026-11-24", targets: [], tasks: [], actions: [], goals: [], agenda: [] };
  it("nothing changed, nothing suggested", () => {
    expect(suggestTalkingPoints(empty)).toEqual([]);
  });
  it("a target turned at risk, a task held tight for long, an overdue action, a quiet goal", () => {
    const got = suggestTalkingPoints({
      ...empty,
      targets: [{ title: "P99 under 200 ms", health: { then: "on_track", now: "at_risk", direction: "worse" } }],
      tasks: [
        {
          title: "On-call rota",
          level: "Tell",
          suggested: "Advise",
          fit: "tighter",
          levelSinceDay: addDays("2026-11-24", -TIGHT_FOR_DAYS),
          reviewDate: null,
        },
        { title: "Hiring loop", level: "Tell", suggested: "Advise", fit: "tighter", levelSinceDay: "2026-11-01", reviewDate: null },
      ],
      actions: [{ title: "Send the RFC", assignee: "them", dueDate: "2026-11-20", overdue: true }],
      goals: [
        { title: "Lead the storage migration", status: "active", lastNoteDay: null },
        { title: "Done goal", status: "achieved", lastNoteDay: null },
      ],
    });
    expect(got.map((s) => s.topic)).toEqual(["targets", "delegation", "other", "growth"]);
    expect(got[0]!.why).toContain("Turned at risk");
    expect(got[1]!.body).toContain("On-call rota");
    expect(got[2]!.body).toBe("Follow up: Send the RFC");
  });
  it("a suggestion already on the agenda is not suggested again", () => {
    const input = { ...empty, actions: [{ title: "Send the RFC", assignee: "them" as const, dueDate: "2026-11-20", overdue: true }] };
    expect(suggestTalkingPoints({ ...input, agenda: ["follow up: send the rfc"] })).toEqual([]);
  });
});

describe("the prep page as markdown", () => {
  const prep: PrepForExport = {
    person: { name: "Ada [Lovelace]" },
    today: "2026-11-24",
    since: at("2026-11-10T09:00:00Z"),
    targets: [
      {
        title: "Checkout P99",
        health: { then: "on_track", now: "at_risk", direction: "worse" },
        metrics: [{ name: "P99", unit: "ms", then: { value: 300 }, latest: { value: 340 }, movement: { delta: 40 } }],
      },
    ],
    levelChanges: [{ taskTitle: "On-call", fromLabel: "Tell", toLabel: "Consult", reason: "Ran two incidents well" }],
    reviewsDue: [],
    actions: { mine: [{ title: "Book the offsite", dueDate: "2026-11-20", overdue: true }], theirs: [] },
    agenda: [{ topic: "team", body: "Hiring *plan*", raisedBy: "them", carriedOver: 2 }],
    lastNotes: [
      {
        kind: "praise",
        body: "Great **incident** review <script>x</script>",
        situation: null,
        behaviour: null,
        impact: null,
        private: false,
      },
      { kind: "coaching", body: "Private worry", situation: null, behaviour: null, impact: null, private: true },
    ],
    goals: [{ title: "Run the org", status: "active" }],
    suggestions: [],
  };
  it("has the changes, the agenda and the actions, with user text escaped", () => {
    const md = prepMarkdown(prep);
    expect(md).toContain("# 1:1 prep: Ada \\[Lovelace\\]");
    expect(md).toContain("- [ ] **Team**: Hiring \\*plan\\* (theirs) _(carried over 2×)_");
    expect(md).toContain("  - P99: 340 ms (+40 ms since last 1:1)");
    expect(md).toContain("- On-call: Tell → Consult: Ran two incidents well");
    expect(md).toContain("- [ ] Book the offsite (due 2026-11-20, overdue)");
    expect(md).toContain("&lt;script>");
  });
  it("says who added a point, and lists what the report added since (the shared 1:1)", () => {
    const md = prepMarkdown({
      ...prep,
      agenda: [
        { topic: "growth", body: "Staff case", raisedBy: "them", carriedOver: 0, author: { label: "Ada", you: false } },
        { topic: "team", body: "Hiring", raisedBy: "me", carriedOver: 0, author: { label: "You", you: true } },
      ],
      addedByThem: [{ topic: "growth", body: "Staff case" }],
    });
    expect(md).toContain("- [ ] **Growth**: Staff case (added by Ada)");
    // One's own point says nothing more.
    expect(md).toContain("- [ ] **Team**: Hiring\n");
    expect(md).toContain("## What Ada added since the last 1:1\n\n- **Growth**: Staff case");
    expect(prepMarkdown(prep)).not.toContain("added since");
  });
  it("leaves private notes out and says so", () => {
    const md = prepMarkdown(prep);
    expect(md).not.toContain("Private worry");
    expect(md).toContain("_1 private note not exported._");
  });
  it("escapes markdown syntax in plain text", () => {
    expect(escapeMarkdown("a_b [c](javascript:x)")).toBe("a\\_b \\[c\\](javascript:x)");
    expect(escapeMarkdown("- not a list\nline two")).toBe("\\- not a list line two");
  });
});
