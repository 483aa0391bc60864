/**
 * JSON.stringify(value, null, space) as a run of pieces, so that a large
 * document (an account's export: tens of megabytes) can be written out a
 * piece at a time with other requests between, instead of being built in one
 * stretch of the event loop. Joined, the pieces are exactly what
 * JSON.stringify gives: plain objects and arrays down to `depth` are written
 * here, each value below that by JSON.stringify itself, re-indented.
 */
export function* jsonPieces(value: unknown, space = 2, depth = 3): Generator<string, void, void> {
  yield* piecesOf(value, space, depth, 0);
}

function isOpenable(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  // A Date or anything else with toJSON is JSON.stringify's to write; so is a class instance's prototype chain.
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

function* piecesOf(value: unknown, space: number, depth: number, level: number): Generator<string, void, void> {
  // Without indentation JSON.stringify puts no line breaks either.
  const inner = space ? "\n" + " ".repeat(space * (level + 1)) : "";
  const outer = space ? "\n" + " ".repeat(space * level) : "";
  if (level >= depth || !isOpenable(value)) {
    const text = JSON.stringify(value, null, space);
    // A top-level undefined has no JSON: JSON.stringify gives undefined, and so no piece.
    if (text !== undefined) yield level === 0 || !space ? text : text.replaceAll("\n", outer);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return yield "[]";
    for (let i = 0; i < value.length; i++) {
      yield (i === 0 ? "[" : ",") + inner;
      const item = value[i];
      // In a list, what JSON has no word for is null.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
      else yield* piecesOf(item, space, depth, level + 1);
    }
    return yield outer + "]";
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    yield (first ? "{" : ",") + inner + JSON.stringify(key) + (space ? ": " : ":");
    first = false;
    yield* piecesOf(item, space, depth, level + 1);
  }
  yield first ? "{}" : outer + "}";
}
