import { decodeDraft, differsFrom, encodeDraft, textValues, type DraftValues } from "./drafts";

/** The part of localStorage a draft uses (a fake in the tests). */
export type DraftStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * One form's draft, without React: what the form opened with (`defaults`), what to put
 * back from storage, and what to store on each change. `useFormDraft` drives it.
 */
export class DraftSession {
  private readonly base: DraftValues;
  /** The text at the last clear(): the same text is not stored again until it changes. */
  private cleared: string | null = null;

  constructor(
    private readonly store: DraftStore | null,
    readonly key: string,
    private readonly fields: readonly string[],
    defaults: Record<string, unknown>,
    private readonly now: () => number = Date.now,
  ) {
    this.base = textValues(defaults, fields);
  }

  /**
   * The stored draft's fields that differ from what the form opened with, to set in the
   * form, or null. A draft that matches the form (or is expired or malformed) is removed.
   */
  restore(): { values: DraftValues; savedAt: number } | null {
    const raw = this.read();
    if (raw === null) return null;
    const stored = decodeDraft(raw, this.now());
    const text = stored ? textValues(stored.values, this.fields) : null;
    if (!stored || !text || !differsFrom(text, this.base)) {
      this.remove();
      return null;
    }
    const values: DraftValues = {};
    for (const f of this.fields) {
      if (f in stored.values && text[f]!.trim() !== this.base[f]!.trim()) values[f] = text[f]!;
    }
    return { values, savedAt: stored.savedAt };
  }

  /** After the form changed: stores the text, or removes the draft when it is what the form opened with. True: unsaved text. */
  change(values: Record<string, unknown>): boolean {
    const text = textValues(values, this.fields);
    if (this.cleared !== null) {
      if (JSON.stringify(text) === this.cleared) return false;
      this.cleared = null;
    }
    if (!differsFrom(text, this.base)) {
      this.remove();
      return false;
    }
    const raw = encodeDraft(text, this.now());
    try {
      if (raw) this.store?.setItem(this.key, raw);
      else this.remove(); // over the cap: not stored, but still unsaved
    } catch {
      // Storage full or denied: still unsaved, and the guard asks before leaving.
    }
    return true;
  }

  /** After a successful save: the draft goes, and the text saved is not stored again. */
  clear(values: Record<string, unknown>) {
    this.remove();
    this.cleared = JSON.stringify(textValues(values, this.fields));
  }

  remove() {
    try {
      this.store?.removeItem(this.key);
    } catch {
      // Nothing to do: the storage is unavailable.
    }
  }

  private read(): string | null {
    try {
      return this.store?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }
}
