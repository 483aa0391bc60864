import { describe, expect, it } from "vitest";
import { changePasswordInput, safeCallbackPath, signUpInput, updateProfileInput } from "./account";

describe("safeCallbackPath", () => {
  it.each([
    ["/targets?status=active", "/targets?status=active"],
    ["/people/123#notes", "/people/123#notes"],
    ["http://localhost:3000/people", "/people"],
    ["https://evil.example/steal", "/steal"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/people/a b", "/"],
    ["javascript:alert(1)", "/"],
    ["/sign-in?callbackUrl=/x", "/"],
    ["/api/trpc/account.me", "/"],
    [undefined, "/"],
    ["", "/"],
  ])("%s -> %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("account validators", () => {
  it("normalise email and name", () => {
    expect(signUpInput.parse({ name: "  Ada  ", email: " Ada@Example.COM ", password: "12345678" })).toEqual({
      name: "Ada",
      email: "ada@example.com",
      password: "12345678",
    });
  });

  it("bound lengths", () => {
    expect(signUpInput.safeParse({ name: "x".repeat(101), email: "a@b.co", password: "12345678" }).success).toBe(false);
    expect(signUpInput.safeParse({ name: "x", email: "a@b.co", password: "p".repeat(201) }).success).toBe(false);
    expect(signUpInput.safeParse({ name: "x", email: "a@b.co", password: "1234567" }).success).toBe(false);
  });

  it("a new password must match its confirmation and differ from the current one", () => {
    const mismatch = changePasswordInput.safeParse({
      currentPassword: "old-password",
      newPassword: "new-password",
      confirmPassword: "other",
    });
    expect(mismatch.error?.issues[0]?.path).toEqual(["confirmPassword"]);
    const same = changePasswordInput.safeParse({
      currentPassword: "same-password",
      newPassword: "same-password",
      confirmPassword: "same-password",
    });
    expect(same.error?.issues[0]?.path).toEqual(["newPassword"]);
  });

  it("refuse a NUL or an only-invisible name at sign-up and in the profile (the sign-up action shows it next to the field)", () => {
    const nul = signUpInput.safeParse({ name: "Eve\u0000", email: "eve@example.com", password: "12345678" });
    expect(nul.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "Name must be one line of text, without tabs or control characters."],
    ]);
    expect(signUpInput.safeParse({ name: "\u200b\u200b", email: "eve@example.com", password: "12345678" }).error?.issues[0]?.message).toBe(
      "Enter your name.",
    );
    expect(signUpInput.safeParse({ name: "Eve", email: "eve\u0000@example.com", password: "12345678" }).success).toBe(false);
    expect(updateProfileInput.safeParse({ name: "A\u0000", timeZone: "UTC" }).success).toBe(false);
  });

  it("accepts real time zones only", () => {
    expect(updateProfileInput.safeParse({ name: "A", timeZone: "America/New_York", version: 1 }).success).toBe(true);
    expect(updateProfileInput.safeParse({ name: "A", timeZone: "Nowhere/Land", version: 1 }).success).toBe(false);
  });
});
