import { describe, expect, it } from "vitest";
import { markdownToPlainText } from "../markdown/plain-text";
import { editDistance, matchScore, MATCH, MAX_TYPO_WORD, prefixDistance, rankByMatch, typoAllowance, wordsOf } from "./fuzzy";
import { snippetParts, snippetText } from "./snippet";

describe("editDistance (Damerau–Levenshtein)", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one each", () => {
    expect(editDistance("sofia", "sofia")).toBe(0);
    expect(editDistance("sofa", "sofia")).toBe(1);
    expect(editDistance("sofia", "sofa")).toBe(1);
    expect(editDistance("sofia", "sifia")).toBe(1);
    expect(editDistance("sfoia", "sofia")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("prefixDistance", () => {
  it("compares with the start of the word, about the typed length", () => {
    expect(prefixDistance("sofa", "sofia")).toBe(1);
    expect(prefixDistance("alvrez", "alvarez")).toBe(1);
    expect(prefixDistance("sofi", "sofia")).toBe(0);
    expect(prefixDistance("zzzz", "sofia")).toBe(4);
  });
});

describe("matchScore", () => {
  it("finds Sofia from 'sofa' (a letter missed), as a typo", () => {
    expect(matchScore("sofa", "Sofia Alvarez")).toBe(MATCH.typo + 1);
  });

  it("ranks the exact word, then a word's start, then inside, then typos", () => {
    expect(matchScore("sofia", "Sofia Alvarez")).toBe(MATCH.exact);
    expect(matchScore("sof", "Sofia Alvarez")).toBe(MATCH.prefix);
    expect(matchScore("varez", "Sofia Alvarez")).toBe(MATCH.inside);
  });

  it("needs every typed word to match", () => {
    expect(matchScore("sofia alv", "Sofia Alvarez")).toBe(MATCH.exact + MATCH.prefix);
    expect(matchScore("sofia kim", "Sofia Alvarez")).toBeNull();
  });

  it("allows no typo in short words, one up to six letters, two beyond", () => {
    expect(typoAllowance(3)).toBe(0);
    expect(typoAllowance(4)).toBe(1);
    expect(typoAllowance(6)).toBe(1);
    expect(typoAllowance(7)).toBe(2);
    expect(typoAllowance(MAX_TYPO_WORD + 1)).toBe(0);
    expect(matchScore("sog", "Sofia")).toBeNull();
    expect(matchScore("sxfxa", "Sofia")).toBeNull();
    expect(matchScore("chekcout", "Checkout latency")).toBe(MATCH.typo + 1);
  });

  it("reads words of any script, case-insensitive", () => {
    expect(wordsOf("Zoë O'Brien-Łukasz")).toEqual(["zoë", "o", "brien", "łukasz"]);
    expect(matchScore("łuk", "ŁUKASZ")).toBe(MATCH.prefix);
  });
});

describe("rankByMatch", () => {
  const names = ["Sofie Brandt", "Sofia Alvarez", "Omar Sofa", "Priya Shah", "Sophia Lee"];
  it("puts the exact name first: 'sofia' is not drowned by near names", () => {
    const ranked = rankByMatch("sofia", names, (n) => n, 5);
    expect(ranked[0]).toBe("Sofia Alvarez");
    expect(ranked).not.toContain("Priya Shah");
  });

  it("'sofa' finds Sofia, after the exact word", () => {
    const ranked = rankByMatch("sofa", names, (n) => n, 5);
    expect(ranked[0]).toBe("Omar Sofa");
    expect(ranked).toContain("Sofia Alvarez");
    expect(ranked).not.toContain("Priya Shah");
  });

  it("keeps at most the limit", () => {
    expect(rankByMatch("so", names, (n) => n, 2)).toHaveLength(2);
  });
});

describe("markdownToPlainText", () => {
  it("shows the rendered words, without the markup", () => {
    const text = markdownToPlainText(
      "# Heading\n\n**Bold** and _soft_ with [a link](https://example.com) and `code`.\n\n- one\n- two\n\n> quoted ![alt words](x.png)",
    );
    expect(text).toBe("Heading Bold and soft with a link and code. one two quoted alt words");
    for (const artefact of ["**", "#", "](", "https://", "`", "> "]) expect(text).not.toContain(artefact);
  });

  it("keeps escaped characters and raw HTML as the app shows them", () => {
    expect(markdownToPlainText("2 \\* 3 = 6 <b>bold</b>")).toBe("2 * 3 = 6 <b>bold</b>");
    expect(markdownToPlainText("")).toBe("");
  });
});

describe("snippetParts", () => {
  it("marks the typed words, case-insensitive", () => {
    expect(snippetParts("Sofia heard it second-hand", "sofia")).toEqual([
      { text: "Sofia", match: true },
      { text: " heard it second-hand", match: false },
    ]);
  });

  it("cuts around the first match at word boundaries", () => {
    const long = `${"word ".repeat(60)}the latency slipped ${"tail ".repeat(60)}`;
    const text = snippetText(long, "latency", 60);
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(text).toContain("latency");
    expect(text.length).toBeLessThanOrEqual(64);
    expect(text).not.toMatch(/…\S*wor(?!d)/);
  });

  it("treats the typed text literally, not as a pattern", () => {
    expect(
      snippetParts("a+b (c)", "(c)")
        .filter((p) => p.match)
        .map((p) => p.text),
    ).toEqual(["c"]);
  });
});
