import { describe, expect, it } from "vitest";
import { DRAFT_MAX_CHARS, DRAFT_TTL_MS, encodeDraft } from "./drafts";
import { DraftSession, type DraftStore } from "./session";

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const store: DraftStore = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
  return { data, store };
}

const KEY = "draft:u1:note:p1";
const NOW = Date.UTC(2026, 11, 1, 12);
const clock = () => NOW;

describe("a form's draft", () => {
  it("stores what is typed, and removes it when the text is back to what the form opened with", () => {
    const { data, store } = memory();
    const s = new DraftSession(store, KEY, ["body"], { body: "", kind: "coaching" }, clock);
    expect(s.restore()).toBeNull();
    expect(s.change({ body: "Hello", kind: "praise" })).toBe(true);
    expect(JSON.parse(data.get(KEY)!)).toEqual({ v: 1, savedAt: NOW, values: { body: "Hello" } });
    expect(s.change({ body: "  ", kind: "praise" })).toBe(false);
    expect(data.has(KEY)).toBe(false);
  });

  it("comes back on return: only the fields that differ from the form's own text", () => {
    const { store } = memory({ [KEY]: encodeDraft({ title: "Same", description: "Changed" }, NOW - 1000)! });
    const s = new DraftSession(store, KEY, ["title", "description"], { title: "Same", description: null }, clock);
    expect(s.restore()).toEqual({ values: { description: "Changed" }, savedAt: NOW - 1000 });
  });

  it("drops an expired draft, or one that matches the saved text, instead of restoring it", () => {
    const expired = memory({ [KEY]: encodeDraft({ body: "Old" }, NOW - DRAFT_TTL_MS - 1)! });
    expect(new DraftSession(expired.store, KEY, ["body"], { body: "" }, clock).restore()).toBeNull();
    expect(expired.data.has(KEY)).toBe(false);
    const same = memory({ [KEY]: encodeDraft({ body: "Saved" }, NOW)! });
    expect(new DraftSession(same.store, KEY, ["body"], { body: "Saved" }, clock).restore()).toBeNull();
    expect(same.data.has(KEY)).toBe(false);
  });

  it("after a save the draft is gone, and the saved text is not stored again until it changes", () => {
    const { data, store } = memory();
    const s = new DraftSession(store, KEY, ["body"], { body: "Before" }, clock);
    s.change({ body: "After" });
    s.clear({ body: "After" });
    expect(data.has(KEY)).toBe(false);
    // The form is reset to what was saved: no draft.
    expect(s.change({ body: "After" })).toBe(false);
    expect(data.has(KEY)).toBe(false);
    // Typing again is a draft again.
    expect(s.change({ body: "After, more" })).toBe(true);
    expect(data.has(KEY)).toBe(true);
  });

  it("over the size cap: not stored, still unsaved (the guard asks)", () => {
    const { data, store } = memory();
    const s = new DraftSession(store, KEY, ["body"], { body: "" }, clock);
    expect(s.change({ body: "x".repeat(DRAFT_MAX_CHARS) })).toBe(true);
    expect(data.has(KEY)).toBe(false);
  });

  it("a storage that throws (full, or denied) loses nothing in the form", () => {
    const broken: DraftStore = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    const s = new DraftSession(broken, KEY, ["body"], { body: "" }, clock);
    expect(s.restore()).toBeNull();
    expect(s.change({ body: "Typed" })).toBe(true);
    expect(() => s.clear({ body: "Typed" })).not.toThrow();
  });
});
