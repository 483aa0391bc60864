/**
 * Drafts of long text typed into a form, kept in the browser (localStorage) so that
 * nothing typed is lost when the user leaves a page before saving. Pure parts only:
 * the key, the stored shape, expiry, the size cap and pruning. The hook that reads and
 * writes them is `useFormDraft` (src/components/forms/drafts.tsx).
 *
 * Key: `draft:<userId>:<kind>:<thingId>`: one draft per signed-in user (two people
 * sharing a browser never see each other's text) and per thing (the note being written
 * for a person, the comment on a target, the edit of one talking point...).
 */

export const DRAFT_PREFIX = "draft:";
/** A draft older than this is dropped (read as absent, and removed when the drafts are pruned). */
export const DRAFT_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** The largest draft kept, in characters of its stored form: beyond it the text is not stored (the leave guard still asks). */
export const DRAFT_MAX_CHARS = 100_000;
/** At most this many drafts per browser: the oldest go first. */
export const DRAFT_MAX_COUNT = 100;

export type DraftValues = Record<string, string>;
export type StoredDraft = { v: 1; savedAt: number; values: DraftValues };

const part = (s: string) => encodeURIComponent(s);

/** `draft:<userId>:<kind>:<thingId>`; a form for something not created yet names what it belongs to, or "new". */
export function draftKey(userId: string, kind: string, thingId: string | null | undefined): string {
  return `${DRAFT_PREFIX}${part(userId)}:${part(kind)}:${part(thingId || "new")}`;
}

/** Whether a key is one of this user's drafts (for pruning on sign-in to a shared browser). */
export function isDraftKeyOf(key: string, userId: string): boolean {
  return key.startsWith(`${DRAFT_PREFIX}${part(userId)}:`);
}

/** Text fields only: null or undefined count as empty. */
export function textValues(values: Record<string, unknown>, fields: readonly string[]): DraftValues {
  const out: DraftValues = {};
  for (const f of fields) {
    const v = values[f];
    out[f] = typeof v === "string" ? v : v == null ? "" : String(v);
  }
  return out;
}

/** Whether the text differs from what the form started from (whitespace at the ends aside) in any field. */
export function differsFrom(values: DraftValues, base: DraftValues): boolean {
  return Object.keys(values).some((f) => (values[f] ?? "").trim() !== (base[f] ?? "").trim());
}

/** The stored form of a draft, or null when it is over the size cap (then nothing is stored). */
export function encodeDraft(values: DraftValues, now: number): string | null {
  const raw = JSON.stringify({ v: 1, savedAt: now, values } satisfies StoredDraft);
  return raw.length > DRAFT_MAX_CHARS ? null : raw;
}

/** A stored draft, or null when it is malformed, expired, or from the future (a clock far off). */
export function decodeDraft(raw: string | null | undefined, now: number): StoredDraft | null {
  if (!raw || raw.length > DRAFT_MAX_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const d = parsed as Partial<StoredDraft>;
  if (d.v !== 1 || typeof d.savedAt !== "number" || !Number.isFinite(d.savedAt)) return null;
  if (!d.values || typeof d.values !== "object" || Array.isArray(d.values)) return null;
  if (Object.values(d.values).some((v) => typeof v !== "string")) return null;
  if (isExpired(d.savedAt, now)) return null;
  return { v: 1, savedAt: d.savedAt, values: d.values as DraftValues };
}

export function isExpired(savedAt: number, now: number): boolean {
  return now - savedAt > DRAFT_TTL_MS || savedAt - now > DRAFT_TTL_MS;
}

/**
 * Which stored drafts to remove: the malformed and expired ones, then the oldest beyond
 * `DRAFT_MAX_COUNT`. `entries` are every `draft:` key of the browser with its raw value.
 */
export function draftsToPrune(entries: readonly (readonly [string, string | null])[], now: number, max = DRAFT_MAX_COUNT): string[] {
  const drop: string[] = [];
  const kept: { key: string; savedAt: number }[] = [];
  for (const [key, raw] of entries) {
    if (!key.startsWith(DRAFT_PREFIX)) continue;
    const d = decodeDraft(raw, now);
    if (d) kept.push({ key, savedAt: d.savedAt });
    else drop.push(key);
  }
  kept.sort((a, b) => b.savedAt - a.savedAt);
  for (const k of kept.slice(max)) drop.push(k.key);
  return drop;
}
