import type { ZodType } from "zod";

/**
 * The input fields of a procedure that name rows, read from its zod input
 * schema: a field called `id`, `…Id` or `…Ids`, one of KNOWN_ID_FIELDS, or
 * any string that must be a UUID. Paths look like `managerId`, `ownerIds[]`
 * (an array of ids) or `levels[].id` (an id inside an array of objects).
 * Derived from the schema, so a new id field cannot be left untested.
 */
export const KNOWN_ID_FIELDS = ["reportsGoTo"];

const ID_NAME = /^(id|.+Id|.+Ids)$/;

type Def = {
  type: string;
  shape?: Record<string, ZodType>;
  innerType?: ZodType;
  in?: ZodType;
  element?: ZodType;
  options?: ZodType[];
  left?: ZodType;
  right?: ZodType;
  format?: string;
};

const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** True when the schema (under optional/nullable/default/union wrappers) accepts a UUID string, or an array of them. */
function holdsUuid(schema: ZodType): boolean {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return holdsUuid(def.innerType!);
    case "pipe":
      return holdsUuid(def.in!);
    case "union":
      return def.options!.some(holdsUuid);
    case "string":
      return def.format === "uuid" || def.format === "guid";
    default:
      return false;
  }
}

function walk(schema: ZodType, path: string, name: string, out: Set<string>) {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      for (const [key, value] of Object.entries(def.shape!)) walk(value, path ? `${path}.${key}` : key, key, out);
      return;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return walk(def.innerType!, path, name, out);
    case "pipe":
      return walk(def.in!, path, name, out);
    case "intersection":
      walk(def.left!, path, name, out);
      return walk(def.right!, path, name, out);
    case "union":
      for (const option of def.options!) walk(option, path, name, out);
      return;
    case "array":
      return walk(def.element!, `${path}[]`, name, out);
    default:
      if (path && (holdsUuid(schema) || ID_NAME.test(name) || KNOWN_ID_FIELDS.includes(name))) out.add(path);
  }
}

export function idFieldsOf(schemas: ZodType[]): string[] {
  const out = new Set<string>();
  for (const schema of schemas) walk(schema, "", "", out);
  return [...out].sort();
}

/** The field's last name: `levels[].id` → `id`, `ownerIds[]` → `ownerIds`. */
export const leafName = (path: string) => path.split(".").at(-1)!.replace(/\[\]$/, "");

/**
 * A copy of `input` with `value` put at `path`. An array of ids gets the id
 * appended (the caller's own ids stay beside it); inside an array of objects
 * the first element's field is replaced.
 */
export function withValueAt(input: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const [head, ...rest] = path.split(".");
  const key = head!.replace(/\[\]$/, "");
  const isArray = head!.endsWith("[]");
  const copy = { ...input };
  if (rest.length === 0) {
    copy[key] = isArray ? [...((copy[key] as unknown[] | undefined) ?? []), value] : value;
    return copy;
  }
  if (isArray) {
    const items = copy[key] as Record<string, unknown>[] | undefined;
    if (!items?.length) throw new Error(`The caller's own input has no ${key}[] to put a foreign id into (${path}).`);
    copy[key] = [withValueAt(items[0]!, rest.join("."), value), ...items.slice(1)];
    return copy;
  }
  const inner = copy[key] as Record<string, unknown> | undefined;
  if (!inner) throw new Error(`The caller's own input has no ${key} to put a foreign id into (${path}).`);
  copy[key] = withValueAt(inner, rest.join("."), value);
  return copy;
}
