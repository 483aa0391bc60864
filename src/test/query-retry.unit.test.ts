import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { retryUnlessRefused } from "@/trpc/query-client";

describe("queries retry a failure twice, never a refusal", () => {
  it("retries what may pass the next time, twice", () => {
    const dropped = new Error("fetch failed");
    expect([0, 1, 2].map((n) => retryUnlessRefused(n, dropped))).toEqual([true, true, false]);
    expect(retryUnlessRefused(0, new TRPCError({ code: "INTERNAL_SERVER_ERROR" }))).toBe(true);
  });

  it("does not retry a refusal from the server-side caller (TRPCError: the code on the error)", () => {
    for (const code of ["NOT_FOUND", "UNAUTHORIZED", "BAD_REQUEST"] as const)
      expect(retryUnlessRefused(0, new TRPCError({ code })), code).toBe(false);
  });

  it("does not retry a refusal over HTTP (TRPCClientError: the code on data)", () => {
    expect(retryUnlessRefused(0, { message: "Not found", data: { code: "NOT_FOUND" } })).toBe(false);
    expect(retryUnlessRefused(0, { message: "Server error", data: null })).toBe(true);
  });
});
