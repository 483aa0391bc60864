import { describe, expect, it } from "vitest";
import { hasControlCharacters, multiLine, orNull, singleLine, trimText } from "./text";

const name = singleLine({ label: "Name", max: 10, required: "Enter a name." });
const notes = orNull(multiLine({ label: "Notes", max: 20 }));

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("singleLine", () => {
  it("trims white space and invisible characters at the ends, keeps them inside", () => {
    expect(name.parse("  Ada \u200b")).toBe("Ada");
    expect(name.parse("\ufeffAda Lovelace".slice(0, 8))).toBe("Ada Lov");
    expect(name.parse("👨‍👩‍👧")).toBe("👨‍👩‍👧");
  });

  it("refuses NUL and every other control character, tabs and line breaks included", () => {
    for (const bad of ["a\u0000b", "\u0000", "a\u0007", "a\u001b[31m", "a\u007f", "a\u0085b", "a\tb", "a\nb", "a\rb"]) {
      expect(messages(name.safeParse(bad)), JSON.stringify(bad)).toContain(
        "Name must be one line of text, without tabs or control characters.",
      );
    }
  });

  it("refuses a lone surrogate, which the database would store as U+FFFD", () => {
    expect(name.safeParse("a\ud800b").success).toBe(false);
    expect(name.safeParse("💥").success).toBe(true);
  });

  it("counts the length after trimming, and an only-invisible value is empty", () => {
    expect(name.safeParse(`  ${"x".repeat(10)}  `).success).toBe(true);
    expect(messages(name.safeParse("x".repeat(11)))).toEqual(["Name is at most 10 characters."]);
    expect(messages(name.safeParse("\u200b\u200d\u2060 \u00ad"))).toEqual(["Enter a name."]);
    expect(messages(name.safeParse(42))).toEqual(["Name must be text."]);
  });
});

describe("multiLine", () => {
  it("keeps line breaks and tabs, normalises carriage returns", () => {
    expect(notes.parse("one\r\ntwo\rthree\tfour")).toBe("one\ntwo\nthree\tfour");
  });

  it("trims blank lines and invisible characters before the text, keeps the first line's indentation (a markdown code block)", () => {
    expect(notes.parse(" \n\n    code\n \u200b")).toBe("    code");
    expect(notes.parse("\u200bnote \n")).toBe("note");
  });

  it("refuses NUL and the other control characters", () => {
    for (const bad of ["a\u0000", "a\u0008b", "a\u000bb", "a\u000cb", "a\u001fb", "a\u009fb"]) {
      expect(messages(notes.safeParse(bad)), JSON.stringify(bad)).toEqual([
        "Notes contains a control character (such as NUL) that cannot be saved.",
      ]);
    }
  });

  it("as orNull: absent, null, empty and only-invisible values are null", () => {
    for (const empty of [undefined, null, "", "   ", "\u200b\n"]) expect(notes.parse(empty)).toBeNull();
  });
});

describe("helpers", () => {
  it("trimText and hasControlCharacters", () => {
    expect(trimText("\u200b\u00a0 x y \u2060\n")).toBe("x y");
    expect(hasControlCharacters("a\nb", true)).toBe(false);
    expect(hasControlCharacters("a\nb", false)).toBe(true);
    expect(hasControlCharacters("plain, with ünïcödé", false)).toBe(false);
  });
});

describe("trimming time", () => {
  it("stays linear on a megabyte of spaces (no /\\s+$/ retried from every position)", () => {
    const spaces = `${" ".repeat(1_000_000)}x${" ".repeat(1_000_000)}`;
    const started = performance.now();
    expect(trimText(spaces)).toBe("x");
    expect(trimText(spaces, true)).toBe(`${" ".repeat(1_000_000)}x`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
