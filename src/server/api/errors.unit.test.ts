import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../services/kernel/errors";
import { fieldErrorsOf, httpStatusOf, toTRPCError } from "./errors";

describe("toTRPCError", () => {
  it("answers a lost database connection with SERVICE_UNAVAILABLE (503) and a try-again message", () => {
    const dropped = Object.assign(new Error("Failed query: select 1"), {
      cause: Object.assign(new Error("write CONNECTION_ENDED"), { code: "CONNECTION_ENDED" }),
    });
    const error = toTRPCError(dropped);
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toMatch(/not answering right now/);
    expect(toTRPCError(Object.assign(new Error("the database system is shutting down"), { code: "57P01" })).code).toBe(
      "SERVICE_UNAVAILABLE",
    );
  });

  it("keeps the other mappings: an application error its code, anything else INTERNAL_SERVER_ERROR", () => {
    expect(toTRPCError(new AppError("NOT_FOUND", "Person not found.")).code).toBe("NOT_FOUND");
    expect(toTRPCError(Object.assign(new Error("duplicate key"), { code: "23505" })).code).toBe("INTERNAL_SERVER_ERROR");
    expect(toTRPCError(new Error("boom")).code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("says a refused input in sentences, never zod's JSON, and keeps the field errors forms show", () => {
    const zodError = z
      .object({ name: z.string().max(3, "Name is at most 3 characters."), dueDate: z.string() })
      .safeParse({ name: "long" }).error!;
    // What tRPC's input check throws: its message is the issues as JSON.
    const fromInput = toTRPCError(new TRPCError({ code: "BAD_REQUEST", cause: zodError }));
    expect(fromInput.message).toBe("Name is at most 3 characters. Due date is required.");
    expect(fieldErrorsOf(fromInput)).toEqual({ name: "Name is at most 3 characters.", dueDate: "Due date is required." });
    // What a service's own parse throws.
    expect(toTRPCError(zodError)).toMatchObject({ code: "BAD_REQUEST", message: "Name is at most 3 characters. Due date is required." });
  });
});

describe("httpStatusOf", () => {
  it("gives the REST API the status tRPC answers for the same application error", () => {
    const statuses = (["BAD_REQUEST", "UNAUTHORIZED", "NOT_FOUND", "CONFLICT", "TOO_MANY_REQUESTS"] as const).map((code) =>
      httpStatusOf(new AppError(code, "x")),
    );
    expect(statuses).toEqual([400, 401, 404, 409, 429]);
    expect(httpStatusOf(Object.assign(new Error("the database system is shutting down"), { code: "57P01" }))).toBe(503);
    expect(httpStatusOf(new Error("boom"))).toBe(500);
  });
});
