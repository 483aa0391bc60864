import { describe, expect, it } from "vitest";
import { emailKey, matchesQuery, matchKey, worthMatching } from "./match-key";

describe("matchKey", () => {
  it("ignores case, accents and runs of white space", () => {
    expect(matchKey("  Sofía   PETROVA ")).toBe("sofia petrova");
    expect(matchKey("Sofia\tPetrova")).toBe("sofia petrova");
    expect(matchKey("ZOË Ångström")).toBe("zoe angstrom");
    expect(matchKey("Łukasz")).toBe("łukasz"); // a letter of its own, not an accented l: kept
  });

  it("keeps what tells two names or titles apart", () => {
    expect(matchKey("Sofia Petrova")).not.toBe(matchKey("Petrova Sofia"));
    expect(matchKey("Checkout p99 < 300 ms")).not.toBe(matchKey("Checkout p99 < 200 ms"));
    expect(matchKey("Uptime 99.95%")).toBe("uptime 99.95%");
  });

  it("folds compatibility forms and other scripts' case", () => {
    expect(matchKey("ﬁnance")).toBe("finance");
    expect(matchKey("СОФИЯ Петрова")).toBe(matchKey("София петрова"));
  });
});

describe("worthMatching", () => {
  it("asks about two characters or more, after normalising", () => {
    expect(worthMatching("")).toBe(false);
    expect(worthMatching("   a  ")).toBe(false);
    expect(worthMatching(null)).toBe(false);
    expect(worthMatching("Al")).toBe(true);
  });
});

describe("emailKey", () => {
  it("compares emails exactly, without case or surrounding spaces", () => {
    expect(emailKey(" Sofia@Example.COM ")).toBe("sofia@example.com");
    expect(emailKey("sofia.p@example.com")).not.toBe(emailKey("sofia@example.com"));
    expect(emailKey(undefined)).toBe("");
  });
});

describe("matchesQuery", () => {
  it("finds a label containing the typed text, without case or accents", () => {
    expect(matchesQuery("Sofía Petrova", "sof")).toBe(true);
    expect(matchesQuery("Sofía Petrova", "  PETR ")).toBe(true);
    expect(matchesQuery("Sofía Petrova", "")).toBe(true);
    expect(matchesQuery("Sofía Petrova", "mar")).toBe(false);
  });
});
