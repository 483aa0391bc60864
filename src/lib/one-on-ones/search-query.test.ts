import { describe, expect, it } from "vitest";
import { notesSearchQuery } from "./search-query";

describe("the 1:1 notes search in the address (?q=)", () => {
  it("is the trimmed text from two characters on", () => {
    expect(notesSearchQuery("  roadmap ")).toBe("roadmap");
    expect(notesSearchQuery("ab")).toBe("ab");
  });
  it("is nothing while there is nothing to search", () => {
    expect(notesSearchQuery(undefined)).toBeNull();
    expect(notesSearchQuery(null)).toBeNull();
    expect(notesSearchQuery("")).toBeNull();
    expect(notesSearchQuery(" a ")).toBeNull();
  });
  it("is nothing for text the search would refuse, so the page never prefetches an error", () => {
    expect(notesSearchQuery("x".repeat(201))).toBeNull();
    expect(notesSearchQuery("ab\u0000")).toBeNull();
  });
  it("takes the first of a repeated parameter", () => {
    expect(notesSearchQuery(["first", "second"])).toBe("first");
  });
});
