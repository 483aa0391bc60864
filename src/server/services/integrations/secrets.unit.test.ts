import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secrets";

describe("data-source secrets", () => {
  const saved = process.env.AUTH_SECRET;
  beforeEach(() => {
    process.env.AUTH_SECRET = "unit-test-secret-unit-test-secret";
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = saved;
  });

  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const sealed = sealSecret('{"token":"hunter2"}', "org-1", "row-1");
    expect(Buffer.from(sealed, "base64").toString("latin1")).not.toContain("hunter2");
    expect(openSecret(sealed, "org-1", "row-1")).toBe('{"token":"hunter2"}');
  });

  it("seals the same text differently each time (a fresh nonce)", () => {
    expect(sealSecret("x", "o", "r")).not.toBe(sealSecret("x", "o", "r"));
  });

  it("does not open on another row, another organisation, another AUTH_SECRET, or tampered bytes", () => {
    const sealed = sealSecret("secret", "org-1", "row-1");
    expect(openSecret(sealed, "org-1", "row-2")).toBeNull();
    expect(openSecret(sealed, "org-2", "row-1")).toBeNull();
    const bytes = Buffer.from(sealed, "base64");
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    expect(openSecret(bytes.toString("base64"), "org-1", "row-1")).toBeNull();
    process.env.AUTH_SECRET = "another-secret-another-secret-xx";
    expect(openSecret(sealed, "org-1", "row-1")).toBeNull();
  });

  it("refuses to seal without AUTH_SECRET", () => {
    delete process.env.AUTH_SECRET;
    expect(() => sealSecret("x", "o", "r")).toThrow(/AUTH_SECRET/);
  });
});
