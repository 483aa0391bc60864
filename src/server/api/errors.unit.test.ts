import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, fieldError, notFound } from "../services/errors";
import { fieldErrorsOf, toTRPCError } from "./errors";

describe("toTRPCError", () => {
  it("maps each application code to the tRPC code of the same name", () => {
    for (const code of ["BAD_REQUEST", "UNAUTHORIZED", "NOT_FOUND", "CONFLICT", "TOO_MANY_REQUESTS"] as const) {
      expect(toTRPCError(new AppError(code, "m")).code).toBe(code);
    }
  });

  it("keeps the message and field errors of an AppError", () => {
    const error = toTRPCError(fieldError("CONFLICT", "email", "Taken."));
    expect(error.message).toBe("Taken.");
    expect(fieldErrorsOf(error)).toEqual({ email: "Taken." });
  });

  it("says 'not found' the same way for missing and foreign rows", () => {
    expect(toTRPCError(notFound("Person"))).toMatchObject({ code: "NOT_FOUND", message: "Person not found." });
  });

  it("turns a zod error into BAD_REQUEST with a message per field", () => {
    const result = z.object({ name: z.string().min(1, "Enter a name.") }).safeParse({ name: "" });
    const error = toTRPCError(result.error);
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(error)).toEqual({ name: "Enter a name." });
  });

  it("hides anything else behind a generic internal error", () => {
    const error = toTRPCError(new Error("connection refused to 10.0.0.5"));
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).not.toContain("10.0.0.5");
  });

  it("passes a TRPCError through", () => {
    const original = new TRPCError({ code: "FORBIDDEN" });
    expect(toTRPCError(original)).toBe(original);
  });
});
