import { describe, expect, it } from "vitest";
import {
  decodeDraft,
  differsFrom,
  draftKey,
  draftsToPrune,
  DRAFT_MAX_CHARS,
  DRAFT_TTL_MS,
  encodeDraft,
  isDraftKeyOf,
  textValues,
} from "./drafts";

const NOW = Date.UTC(2026, 11, 1, 12);

describe("draft keys", () => {
  it("names the user, the kind and the thing", () => {
    expect(draftKey("u1", "note", "p1")).toBe("draft:u1:note:p1");
    expect(draftKey("u1", "note", null)).toBe("draft:u1:note:new");
  });
  it("keeps parts apart even when they hold the separator", () => {
    expect(draftKey("a:b", "note", "c")).not.toBe(draftKey("a", "b:note", "c"));
    expect(isDraftKeyOf(draftKey("a:b", "note", "c"), "a")).toBe(false);
    expect(isDraftKeyOf(draftKey("a:b", "note", "c"), "a:b")).toBe(true);
  });
  it("two users never share a draft", () => {
    expect(draftKey("u1", "comment", "t1")).not.toBe(draftKey("u2", "comment", "t1"));
  });
});

describe("stored drafts", () => {
  it("round-trips", () => {
    const raw = encodeDraft({ body: "Hello" }, NOW);
    expect(decodeDraft(raw, NOW + 1000)).toEqual({ v: 1, savedAt: NOW, values: { body: "Hello" } });
  });
  it("expires after the time to live", () => {
    const raw = encodeDraft({ body: "Hello" }, NOW);
    expect(decodeDraft(raw, NOW + DRAFT_TTL_MS)).not.toBeNull();
    expect(decodeDraft(raw, NOW + DRAFT_TTL_MS + 1)).toBeNull();
    // A draft dated far in the future (a clock set wrong) is dropped too.
    expect(decodeDraft(raw, NOW - DRAFT_TTL_MS - 1)).toBeNull();
  });
  it("is not stored over the size cap", () => {
    expect(encodeDraft({ body: "x".repeat(DRAFT_MAX_CHARS) }, NOW)).toBeNull();
    expect(encodeDraft({ body: "x".repeat(DRAFT_MAX_CHARS - 100) }, NOW)).not.toBeNull();
  });
  it("reads anything malformed as no draft", () => {
    for (const raw of [
      null,
      "",
      "{",
      "[]",
      "null",
      '{"v":2,"savedAt":1,"values":{}}',
      `{"v":1,"savedAt":${NOW},"values":{"a":1}}`,
      `{"v":1,"savedAt":"x","values":{}}`,
    ]) {
      expect(decodeDraft(raw, NOW)).toBeNull();
    }
  });
});

describe("text values", () => {
  it("reads null as empty and compares without the whitespace at the ends", () => {
    const text = textValues({ body: "Hi ", situation: null, other: 3 }, ["body", "situation"]);
    expect(text).toEqual({ body: "Hi ", situation: "" });
    expect(differsFrom(text, { body: "Hi", situation: "" })).toBe(false);
    expect(differsFrom(text, { body: "", situation: "" })).toBe(true);
  });
});

describe("pruning", () => {
  it("drops the expired and malformed, then the oldest beyond the count", () => {
    const entries: [string, string | null][] = [
      ["draft:u:note:1", encodeDraft({ body: "old" }, NOW - DRAFT_TTL_MS - 5)],
      ["draft:u:note:2", "{broken"],
      ["draft:u:note:3", encodeDraft({ body: "a" }, NOW - 3)],
      ["draft:u:note:4", encodeDraft({ body: "b" }, NOW - 2)],
      ["draft:u:note:5", encodeDraft({ body: "c" }, NOW - 1)],
      ["theme", "dark"],
    ];
    expect(draftsToPrune(entries, NOW, 2).sort()).toEqual(["draft:u:note:1", "draft:u:note:2", "draft:u:note:3"]);
  });
});
