import type { ZodType } from "zod";
import { appRouter } from "@/server/api/root";

// Walks the root router's procedures and their zod input schemas down to the
// leaves, so a test can aim a hostile value at every field of every procedure
// and a field added tomorrow is covered without editing the test.

export type AnyProcedure = { _def: { meta?: { access?: string }; inputs: ZodType[]; type: string } };
export type Path = (string | number)[];
export type Leaf = { path: Path; kind: "string" | "date" | "number"; schema: ZodType };

export const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

type Def = {
  type: string;
  shape?: Record<string, ZodType>;
  innerType?: ZodType;
  in?: ZodType;
  out?: ZodType;
  options?: ZodType[];
  element?: ZodType;
  left?: ZodType;
  right?: ZodType;
};

const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every string, date and number leaf of a schema, with its path (array elements at index 0). */
export function leavesOf(schema: ZodType | undefined, path: Path = [], out: Leaf[] = []): Leaf[] {
  if (!schema) return out;
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      for (const [key, field] of Object.entries((schema as unknown as { shape: Record<string, ZodType> }).shape))
        leavesOf(field, [...path, key], out);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      leavesOf(def.innerType, path, out);
      break;
    case "pipe":
      leavesOf(def.in, path, out);
      leavesOf(def.out, path, out);
      break;
    case "union":
      for (const option of def.options ?? []) leavesOf(option, path, out);
      break;
    case "intersection":
      leavesOf(def.left, path, out);
      leavesOf(def.right, path, out);
      break;
    case "array":
      leavesOf(def.element, [...path, 0], out);
      break;
    case "string":
    case "date":
    case "number":
      if (!out.some((l) => l.kind === def.type && samePath(l.path, path))) out.push({ path, kind: def.type, schema });
      break;
    default:
      // enums, literals, booleans, unknown: no text, date or number to aim at.
      break;
  }
  return out;
}

export const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/** An input with `value` at `path` and nothing else. */
export function inputAt(path: Path, value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => (typeof key === "number" ? [inner] : { [key]: inner }), value);
}
