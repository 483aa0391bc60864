import { describe, expect, it } from "vitest";
import { bulkCheckInForm, checkInForm, editCheckInForm } from "./targets";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("the check-in forms parse what was typed with the API's rules", () => {
  it("reads the value as a number, and says 'Enter a number.' for nothing or text", () => {
    expect(checkInForm.parse({ value: "99.95", at: "", note: "" })).toEqual({ value: 99.95, at: undefined, note: null });
    for (const value of ["", "  ", "abc", "1e999"])
      expect(messages(checkInForm.safeParse({ value, at: "", note: "" })).value, value).toBe("Enter a number.");
    expect(messages(checkInForm.safeParse({ value: "1e13", at: "", note: "" })).value).toMatch(/^Value must be between/);
  });

  it("takes the datetime-local's text in the browser's zone, empty meaning now; the future is refused", () => {
    expect(checkInForm.parse({ value: "1", at: "2026-03-01T10:30", note: "x" }).at).toEqual(new Date(2026, 2, 1, 10, 30));
    expect(messages(checkInForm.safeParse({ value: "1", at: "2999-01-01T00:00", note: "" })).at).toBe(
      "A check-in cannot be in the future.",
    );
  });

  it("the edit form needs a date and time", () => {
    expect(messages(editCheckInForm.safeParse({ value: "1", at: "", note: "" })).at).toBe("Choose a date and time.");
    expect(editCheckInForm.parse({ value: "2", at: "2026-03-01T10:30", note: "n \n" })).toEqual({
      value: 2,
      at: new Date(2026, 2, 1, 10, 30),
      note: "n",
    });
  });

  it("the paste form needs a line", () => {
    expect(messages(bulkCheckInForm.safeParse({ text: " \n " })).text).toBe("Paste at least one line.");
  });
});
