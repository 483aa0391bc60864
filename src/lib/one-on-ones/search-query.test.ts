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

describe("the notes search's own check", () => {
  it("accepts exactly what searchInput accepts", async () => {
    const fc = (await import("fast-check")).default;
    const { searchInput } = await import("@/lib/validators/one-on-ones");
    const pieces = fc.constantFrom(
      "a",
      "é",
      " ",
      "\u200b",
      "\u0000",
      "\t",
      "\n",
      "\u00ad",
      "😀",
      "\ud800",
      "x".repeat(99),
      "😀".repeat(50),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        expect(notesSearchQuery(text) !== null).toBe(searchInput.safeParse({ query: text.trim() }).success);
      }),
    );
  });
});
