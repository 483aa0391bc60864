/** The message a review date in the past is refused with (next to the field). */
export const PAST_REVIEW_MESSAGE = "The review date is in the past: choose today or a later day.";

/**
 * Why a task's review date is refused, or null. A review is planned, so it is
 * today or later (`today`: the user's calendar day). On an edit, a date that
 * is not changed (`saved`) stays, even once it has passed: the task is then
 * overdue for review, which is not an error in what was typed.
 */
export function reviewDateProblem(reviewDate: string | null | undefined, today: string, saved?: string | null): string | null {
  if (!reviewDate || reviewDate === saved) return null;
  return reviewDate < today ? PAST_REVIEW_MESSAGE : null;
}
