import { describe, expect, it } from "vitest";
import { createPersonInput } from "../validators/people";
import { personColumns } from "./person-columns";

const base = { name: "Ada", track: "ic", level: "staff", managerId: null } as const;

describe("personColumns", () => {
  it("keeps the day count only for an every-N-days cadence", () => {
    expect(personColumns(createPersonInput.parse({ ...base, cadence: "days", cadenceDays: 10 })).cadenceDays).toBe(10);
    expect(personColumns(createPersonInput.parse({ ...base, cadence: "weekly", cadenceDays: 10 })).cadenceDays).toBeNull();
  });

  it("stores every form field but the notes, and nothing else", () => {
    const columns = personColumns(createPersonInput.parse({ ...base, cadence: "weekly", email: "ADA@example.com", notes: "hi" }));
    expect(columns).toEqual({
      name: "Ada",
      email: "ada@example.com",
      title: null,
      track: "ic",
      level: "staff",
      managerId: null,
      leads: null,
      cadence: "weekly",
      cadenceDays: null,
      startDate: null,
    });
    // The notes are the author's own (person_notes), never a column of the person.
    expect(columns).not.toHaveProperty("notes");
  });
});
