import { z } from "zod";
import { MAX_PAGE } from "./page-size";

/**
 * Keyset pages for long lists (issue #20). A list is ordered by a key of a few
 * columns ending in a unique id; the next page is "rows after the last row's
 * key", which an index answers directly whatever the list's length (an offset
 * would read and throw away every row before it).
 *
 * A cursor is that key as an opaque, URL-safe string: the values' JSON in
 * base64url (written without Buffer: validators reach the browser too). The client hands it back unchanged; the server decodes it with the
 * list's own schema, so a hand-edited or stale cursor is a 400 with a clear
 * message, never a 500 or rows from the wrong place.
 */
export type KeyValue = string | number | boolean | null;

/** The largest page a list procedure serves (./page-size.ts, zod-free for the browser). */
export { MAX_PAGE };

/**
 * The most characters of text a list's key carries: the People list's title
 * and manager orders carry a title and a name (120 each); the targets list and
 * tree a target's title (200), the former people of the 1:1s a name (120); the
 * others a time and an id only. keyset.test.ts checks these against the fields' maxima.
 */
export const LONGEST_KEY_TEXT = 240;
/** Everything else in a key, generously: an order's name and direction, numbers, a date, an id (36), quotes and commas. */
const KEY_REST_BYTES = 200;
/**
 * The longest cursor any list hands out, in base64url characters. Text as the
 * validators accept it has no control characters or lone surrogates (which
 * JSON would escape to six bytes): a character is at most three bytes of JSON
 * (UTF-8; a quote or backslash two), and base64 writes 3 bytes as 4 characters.
 */
export const MAX_CURSOR_LENGTH = Math.ceil((LONGEST_KEY_TEXT * 3 + KEY_REST_BYTES) / 3) * 4;

/** The input fields every paginated list accepts. */
export const pageInput = {
  // base64url only (what encodeCursor writes): anything else, a NUL say, is refused here as bad input.
  cursor: z
    .string()
    .max(MAX_CURSOR_LENGTH, "Reload the page: this list's position is not valid.")
    .regex(/^[A-Za-z0-9_-]*$/, "Reload the page: this list's position is not valid.")
    .nullish(),
  limit: z.number().int().min(1).max(MAX_PAGE).optional(),
};

export function encodeCursor(key: readonly KeyValue[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function decodeBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * The key in `cursor`, checked against `schema` (a z.tuple of the key's
 * columns). Returns undefined for a missing cursor (the first page) and throws
 * a CursorError for one that does not decode or match.
 */
export function decodeCursor<T extends readonly KeyValue[]>(cursor: string | null | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor == null || cursor === "") return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(decodeBase64Url(cursor));
  } catch {
    throw new CursorError();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new CursorError();
  return parsed.data;
}

/** A cursor that is not one this list handed out; the API maps it to BAD_REQUEST. */
export class CursorError extends Error {
  constructor() {
    super("Reload the page: this list's position is not valid.");
    this.name = "CursorError";
  }
}

export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * A page from rows fetched with `limit + 1`: the extra row only says there is
 * more; the cursor is the key of the last row kept.
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => readonly KeyValue[]): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items, nextCursor: more && items.length > 0 ? encodeCursor(keyOf(items[items.length - 1]!)) : null };
}
