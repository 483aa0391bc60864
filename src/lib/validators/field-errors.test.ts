import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLabel, validationMessage, zodFieldErrors } from "./field-errors";

const schema = z.object({
  name: z.string().max(3, "Name is at most 3 characters."),
  dueDate: z.string().max(3, "At most 3 characters."),
  levels: z.array(z.object({ label: z.string().min(1, "Name the level.") })),
  count: z.number(),
});

describe("validation messages", () => {
  it("are sentences naming the field, never zod's JSON", () => {
    const error = schema.safeParse({ name: "long", dueDate: "long", levels: [{ label: "" }], count: 1 }).error!;
    const message = validationMessage(error);
    expect(message).toBe("Name is at most 3 characters. Due date: at most 3 characters. Levels #1 label: name the level.");
    expect(message).not.toContain("[{");
  });

  it("say which field is missing or of the wrong type, and how many more there are", () => {
    expect(validationMessage(schema.safeParse({}).error!)).toBe(
      "Name is required. Due date is required. Levels is required. And 1 more field to check.",
    );
    expect(validationMessage(z.object({ count: z.number() }).safeParse({ count: "x" }).error!)).toBe("Count must be a number.");
  });

  it("keep a message about the whole input as it is", () => {
    const whole = z.object({ a: z.string() }).refine(() => false, "Level names must differ");
    expect(validationMessage(whole.safeParse({ a: "x" }).error!)).toBe("Level names must differ.");
  });

  it("leave the per-field messages that forms show unchanged", () => {
    expect(zodFieldErrors(schema.safeParse({ name: "long", dueDate: "ok", levels: [], count: 1 }).error!)).toEqual({
      name: "Name is at most 3 characters.",
    });
    expect(fieldLabel(["cadenceDays"])).toBe("Cadence days");
    expect(fieldLabel(["manager_email"])).toBe("Manager email");
  });
});
