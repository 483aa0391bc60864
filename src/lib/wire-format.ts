/**
 * How tRPC inputs and answers cross the wire: plain JSON, plus a list of the
 * few places where JSON alone would give back something else (a Date, which
 * JSON turns into a string; NaN and ±Infinity, which it turns into null; an
 * undefined slot of an array, also null).
 *
 * Why not superjson: every answer of this app is plain objects, arrays and
 * Dates. superjson walks each value to find what it could carry (Maps, Sets,
 * BigInts, class instances, repeated references) and builds its meta with
 * string paths; this walk knows only the marks above, so it costs about a
 * third of superjson on the server and half on the client (bench/serialise.ts)
 * and ships no library to the browser. A value it cannot carry is a mistake
 * in the code that made it, so it throws rather than send something else:
 * every test that calls a procedure sends its input and answer through here
 * (src/test/wire-caller.ts), so such a mistake fails a test first.
 */
import type { DataTransformer } from "@trpc/server";

type Key = string | number;
/** D: a Date (its ISO string in the JSON, or null when invalid); U: undefined in an array; N: NaN; I / -I: ±Infinity; -0. */
type Tag = "D" | "U" | "N" | "I" | "-I" | "-0";
type Mark = [path: Key[], tag: Tag];
/** What travels: the JSON, and the marks when there are any (most answers with no Date have none). */
export type WireValue = { json: unknown; marks?: Mark[] };

function numberTag(value: number): Tag {
  if (value === 0) return "-0";
  if (Number.isNaN(value)) return "N";
  return value > 0 ? "I" : "-I";
}

function describe(path: Key[]) {
  return path.length === 0 ? "the top" : path.join(".");
}

/** Walks `value` once, keeping `path` as a stack (copied only for a mark). */
function encode(value: unknown, path: Key[], marks: Mark[]): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      marks.push([path.slice(), numberTag(value)]);
      return Object.is(value, -0) ? 0 : null;
    case "undefined":
      return undefined;
    case "object":
      break;
    default:
      throw new TypeError(`The wire carries no ${typeof value} (at ${describe(path)}).`);
  }
  if (value === null) return null;
  if (value instanceof Date) {
    marks.push([path.slice(), "D"]);
    return Number.isNaN(value.getTime()) ? null : value.toISOString();
  }
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      const item: unknown = value[index];
      if (item === undefined) {
        marks.push([path.slice(), "U"]);
        out[index] = null;
      } else {
        out[index] = encode(item, path, marks);
      }
      path.pop();
    }
    return out;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name ?? "object";
    throw new TypeError(`The wire carries plain objects, arrays and Dates, not a ${name} (at ${describe(path)}).`);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue; // as JSON: an undefined field is left out
    path.push(key);
    const encoded = encode(item, path, marks);
    // An own "__proto__" field (JSON.parse makes them) is data; assigned, it would set out's prototype.
    if (key === "__proto__") Object.defineProperty(out, key, { value: encoded, enumerable: true, writable: true, configurable: true });
    else out[key] = encoded;
    path.pop();
  }
  return out;
}

export function serialize(value: unknown): WireValue {
  const marks: Mark[] = [];
  const json = encode(value, [], marks);
  return marks.length === 0 ? { json } : { json, marks };
}

const TAGS = new Set<string>(["D", "U", "N", "I", "-I", "-0"]);

function revive(json: unknown, tag: Tag): unknown {
  switch (tag) {
    case "D":
      if (json === null) return new Date(Number.NaN);
      if (typeof json !== "string") throw new TypeError("A Date mark points at something other than a date.");
      return new Date(json);
    case "U":
      return undefined;
    case "N":
      return Number.NaN;
    case "I":
      return Number.POSITIVE_INFINITY;
    case "-I":
      return Number.NEGATIVE_INFINITY;
    case "-0":
      return -0;
  }
}

function checkedMark(mark: unknown): Mark {
  if (!Array.isArray(mark) || mark.length !== 2 || !Array.isArray(mark[0]) || !TAGS.has(mark[1] as string)) {
    throw new TypeError("A mark must be [path, tag].");
  }
  for (const key of mark[0] as unknown[]) {
    if (typeof key === "number" ? !Number.isInteger(key) : typeof key !== "string") {
      throw new TypeError("A mark's path holds a key it may not.");
    }
  }
  return mark as Mark;
}

// A mark names a place in the data it arrives with, and on the server that
// data is the outside world's: each step must be an own property of what the
// JSON made, so a path never reaches a prototype ("__proto__" from JSON.parse
// is an own data property, written as data). Fields named "constructor" or
// "prototype" are data like any other.
export function deserialize(wire: unknown): unknown {
  if (typeof wire !== "object" || wire === null || Array.isArray(wire)) throw new TypeError("Expected { json, marks }.");
  const { json, marks } = wire as { json?: unknown; marks?: unknown };
  if (marks === undefined) return json;
  if (!Array.isArray(marks)) throw new TypeError("Marks must be a list.");
  let root = json;
  for (const raw of marks) {
    const [path, tag] = checkedMark(raw);
    if (path.length === 0) {
      root = revive(root, tag);
      continue;
    }
    let parent: unknown = root;
    for (const key of path.slice(0, -1)) {
      if (typeof parent !== "object" || parent === null || !Object.hasOwn(parent, key)) {
        throw new TypeError("A mark's path leads nowhere.");
      }
      parent = (parent as Record<Key, unknown>)[key];
    }
    const last = path[path.length - 1]!;
    if (typeof parent !== "object" || parent === null || !Object.hasOwn(parent, last)) {
      throw new TypeError("A mark's path leads nowhere.");
    }
    (parent as Record<Key, unknown>)[last] = revive((parent as Record<Key, unknown>)[last], tag);
  }
  return root;
}

/** The transformer tRPC's server, its client links and React Query's (de)hydration share. */
export const wireFormat: DataTransformer = { serialize, deserialize };
