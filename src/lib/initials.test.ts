import { describe, expect, it } from "vitest";
import { initials } from "./initials";

describe("initials", () => {
  it("takes the first letters of the first and last words", () => {
    expect(initials("dana scully")).toBe("DS");
    expect(initials("Dana Katherine Scully")).toBe("DS");
    expect(initials("  Dana  ")).toBe("D");
  });

  it("keeps an emoji whole, never half a surrogate pair", () => {
    expect(initials("Dana 🚀")).toBe("D🚀");
    expect(initials("Dana 👩🏽‍💻")).toBe("D👩🏽‍💻");
    expect(initials("🇫🇷 Dana")).toBe("🇫🇷D");
    expect(initials("Dana 🚀")).not.toContain("\uFFFD");
  });

  it("keeps a letter with its combining accent", () => {
    expect(initials("e\u0301lodie durand")).toBe("E\u0301D");
  });

  it("answers ? for an empty name", () => {
    expect(initials("   ")).toBe("?");
  });
});
