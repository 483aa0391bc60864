import { describe, expect, it } from "vitest";
import { PAST_REVIEW_MESSAGE, reviewDateProblem } from "./review-date";

describe("a task's review date", () => {
  it("is refused in the past, accepted today or later, or empty", () => {
    expect(reviewDateProblem("2026-11-30", "2026-12-01")).toBe(PAST_REVIEW_MESSAGE);
    expect(reviewDateProblem("2026-12-01", "2026-12-01")).toBeNull();
    expect(reviewDateProblem("2027-01-15", "2026-12-01")).toBeNull();
    expect(reviewDateProblem(null, "2026-12-01")).toBeNull();
  });
  it("an edit keeps a saved date that has passed, but cannot move it to another past day", () => {
    expect(reviewDateProblem("2026-11-01", "2026-12-01", "2026-11-01")).toBeNull();
    expect(reviewDateProblem("2026-10-01", "2026-12-01", "2026-11-01")).toBe(PAST_REVIEW_MESSAGE);
  });
});
