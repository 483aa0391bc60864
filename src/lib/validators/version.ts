import { z } from "zod";

/**
 * The version of a row an edit started from (every save adds one). An update
 * names it so that a save from a stale form answers CONFLICT instead of
 * silently overwriting what was saved meanwhile.
 */
export const versionField = z.number("Reload the page: this form does not say which version it edits.").int().min(1).max(2_147_483_647);

/** For rows saved per week (a review, a week's capacity): 0 means "none was saved when I opened it". */
export const versionOrNewField = z
  .number("Reload the page: this form does not say which version it edits.")
  .int()
  .min(0)
  .max(2_147_483_647);
