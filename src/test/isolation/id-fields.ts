import type { ZodType } from "zod";
import { leavesOf, type Path } from "../input-schemas";

/**
 * The input fields of a procedure that name rows, read from its zod input
 * schema: a field called `id`, `…Id` or `…Ids`, one of KNOWN_ID_FIELDS, or
 * any string that must be a UUID. Paths look like `managerId`, `ownerIds[]`
 * (an array of ids) or `levels[].id` (an id inside an array of objects).
 * Derived from the schema, so a new id field cannot be left untested.
 */
export const KNOWN_ID_FIELDS = ["reportsGoTo"];

const ID_NAME = /^(id|.+Id|.+Ids)$/;

/** `["levels", 0, "id"]` as `levels[].id`, `["ownerIds", 0]` as `ownerIds[]`. */
function pathName(path: Path): string {
  return path.reduce<string>((name, key) => (typeof key === "number" ? `${name}[]` : name ? `${name}.${key}` : key), "");
}

const isUuid = (schema: ZodType) => {
  const format = (schema as unknown as { _zod: { def: { format?: string } } })._zod.def.format;
  return format === "uuid" || format === "guid";
};

/** The same walk the bad-input test uses (input-schemas.ts), kept to the text leaves that name rows. */
export function idFieldsOf(schemas: ZodType[]): string[] {
  const out = new Set<string>();
  for (const schema of schemas) {
    for (const leaf of leavesOf(schema)) {
      if (leaf.kind !== "string" || leaf.path.length === 0) continue;
      const name = leaf.path.filter((key): key is string => typeof key === "string").at(-1)!;
      if (isUuid(leaf.schema) || ID_NAME.test(name) || KNOWN_ID_FIELDS.includes(name)) out.add(pathName(leaf.path));
    }
  }
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
