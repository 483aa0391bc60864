import { describe, expect, it } from "vitest";
import { AppError } from "../services/errors";
import { toTRPCError } from "./errors";

describe("toTRPCError", () => {
  it("answers a lost database connection with SERVICE_UNAVAILABLE (503) and a try-again message", () => {
    const dropped = Object.assign(new Error("Failed query: select 1"), { cause: Object.assign(new Error("write CONNECTION_ENDED"), { code: "CONNECTION_ENDED" }) });
    const error = toTRPCError(dropped);
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toMatch(/not answering right now/);
    expect(toTRPCError(Object.assign(new Error("the database system is shutting down"), { code: "57P01" })).code).toBe("SERVICE_UNAVAILABLE");
  });

  it("keeps the other mappings: an application error its code, anything else INTERNAL_SERVER_ERROR", () => {
    expect(toTRPCError(new AppError("NOT_FOUND", "Person not found.")).code).toBe("NOT_FOUND");
    expect(toTRPCError(Object.assign(new Error("duplicate key"), { code: "23505" })).code).toBe("INTERNAL_SERVER_ERROR");
    expect(toTRPCError(new Error("boom")).code).toBe("INTERNAL_SERVER_ERROR");
  });
});
