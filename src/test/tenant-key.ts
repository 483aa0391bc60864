import { getTableColumns, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/server/db/schema";

/**
 * The tenant key check (issue #16): every statement names the organisation of
 * every tenant table it reads or writes, so that the data could be sharded by
 * `org_id` without changing a query. A pragmatic reading of the SQL, not a
 * parser: a small tokenizer finds each reference to a tenant table (after
 * FROM, JOIN, UPDATE, INTO, DELETE FROM, USING and in FROM lists) and the name
 * it goes by there (its alias, or the table's own name). Each comparison on an
 * `org_id` (`x.org_id = …`, `… = x.org_id`, `x.org_id in …`, or a bare `org_id`
 * where one tenant table is in scope) is resolved as SQL resolves names: from
 * its own parenthesised scope (a subquery, a UNION arm) outwards, to the
 * nearest table going by that name. A reference that no comparison resolves to
 * is a violation. Selecting `x.org_id` is not a condition and does not count;
 * a subquery's own condition on a table does not cover the outer statement's
 * reference to the same table. An INSERT names the key when its column list
 * holds `org_id`.
 */

/** Every table of the schema with an `org_id` column. */
export function tenantTables(): Set<string> {
  return new Set(
    (Object.values(schema) as unknown[])
      .filter((v): v is PgTable => is(v, PgTable))
      .filter((t) => Object.values(getTableColumns(t)).some((c) => c.name === "org_id"))
      .map((t) => getTableName(t)),
  );
}

type Token = { text: string; kind: "word" | "quoted" | "punct" | "param" | "string" | "number"; depth: number; index: number };

/** Words and quoted identifiers (lower-cased words, identifiers as written), punctuation, parameters; string literals and comments are skipped over. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  const push = (text: string, kind: Token["kind"]) => tokens.push({ text, kind, depth, index: tokens.length });
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'") {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      push(sql.slice(i, j + 1), "string");
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = "";
      while (j < sql.length) {
        if (sql[j] === '"' && sql[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (sql[j] === '"') break;
        else text += sql[j++];
      }
      push(text, "quoted");
      i = j + 1;
    } else if (c === "$" && /\d/.test(sql[i + 1] ?? "")) {
      let j = i + 1;
      while (/\d/.test(sql[j] ?? "")) j++;
      push(sql.slice(i, j), "param");
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (/[A-Za-z0-9_$]/.test(sql[j] ?? "")) j++;
      push(sql.slice(i, j).toLowerCase(), "word");
      i = j;
    } else if (/\d/.test(c)) {
      let j = i + 1;
      while (/[\d.eE]/.test(sql[j] ?? "")) j++;
      push(sql.slice(i, j), "number");
      i = j;
    } else if (c === "(") {
      push(c, "punct");
      depth++;
      i++;
    } else if (c === ")") {
      depth--;
      push(c, "punct");
      i++;
    } else if (c === ":" && sql[i + 1] === ":") {
      push("::", "punct");
      i += 2;
    } else {
      push(c, "punct");
      i++;
    }
  }
  return tokens;
}

const isName = (t: Token | undefined) => !!t && (t.kind === "quoted" || t.kind === "word");
/** Words after a table that are the statement going on, not an alias. */
const NOT_ALIAS = new Set([
  "where",
  "on",
  "join",
  "inner",
  "left",
  "right",
  "full",
  "cross",
  "natural",
  "lateral",
  "using",
  "set",
  "group",
  "order",
  "limit",
  "offset",
  "for",
  "returning",
  "union",
  "intersect",
  "except",
  "having",
  "window",
  "values",
  "default",
  "select",
  "fetch",
  "tablesample",
  "only",
  "do",
  "overriding",
]);

export type Violation = { table: string; alias: string; why: string };

const SET_OPERATIONS = new Set(["union", "intersect", "except"]);

/**
 * The scope of each token, as SQL resolves names: every parenthesised group
 * is a scope inside the one around it, and each arm of a UNION is a scope of
 * its own. A name is looked up from the innermost scope outwards.
 */
function scopes(tokens: Token[]): { of: number[]; parent: number[] } {
  const of: number[] = [];
  const parent: number[] = [-1];
  const stack = [0];
  for (const t of tokens) {
    if (t.text === "(" && t.kind === "punct") {
      of.push(stack.at(-1)!);
      parent.push(stack.at(-1)!);
      stack.push(parent.length - 1);
    } else if (t.text === ")" && t.kind === "punct") {
      if (stack.length > 1) stack.pop();
      of.push(stack.at(-1)!);
    } else if (t.kind === "word" && SET_OPERATIONS.has(t.text)) {
      of.push(stack.at(-1)!);
      // The next arm: a sibling of this one.
      parent.push(parent[stack.at(-1)!]!);
      stack[stack.length - 1] = parent.length - 1;
    } else {
      of.push(stack.at(-1)!);
    }
  }
  return { of, parent };
}

/** The tenant tables a statement reaches without naming their organisation (empty: the statement is fine). */
export function tenantKeyViolations(sql: string, tables: Set<string> = tenantTables()): Violation[] {
  const tokens = tokenize(sql);
  const scope = scopes(tokens);
  const violations: Violation[] = [];

  /** The tables a statement names, with the name each goes by in its scope. */
  type Reference = { at: number; table: string; alias: string; insert: boolean; scope: number; keyed: boolean };
  const references: Reference[] = [];
  /** Every binding of a name in a scope (tenant table or not), to resolve `x.org_id` to the right one. */
  const bindings = new Map<string, Reference>();

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word") continue;
    const introduces =
      t.text === "from" ||
      t.text === "join" ||
      t.text === "update" ||
      t.text === "into" ||
      (t.text === "using" && tokens[i + 1]?.text !== "(");
    if (!introduces) continue;
    // ON CONFLICT ... DO UPDATE SET: the row being inserted, already covered by the INSERT's column list.
    if (t.text === "update" && tokens[i - 1]?.text === "do") continue;
    // FOR UPDATE / FOR NO KEY UPDATE: a lock, not a table.
    if (t.text === "update" && (tokens[i - 1]?.text === "for" || tokens[i - 1]?.text === "key")) continue;
    let j = i + 1;
    if (tokens[j]?.text === "only") j++;
    // A FROM list: `from a x, b y` names several tables.
    for (;;) {
      let name = tokens[j];
      // schema-qualified: "public"."people"
      if (isName(name) && tokens[j + 1]?.text === "." && isName(tokens[j + 2]) && tokens[j + 3]?.text !== ".") {
        j += 2;
        name = tokens[j];
      }
      // A column (extract(x from "t"."c")), a function, a subquery: not a table.
      if (!isName(name) || tokens[j + 1]?.text === "." || (tokens[j + 1]?.text === "(" && t.text !== "into")) break;
      let alias = name!.text;
      let k = j + 1;
      if (tokens[k]?.text === "as" && tokens[k]?.kind === "word") k++;
      const next = tokens[k];
      if (isName(next) && !(next!.kind === "word" && NOT_ALIAS.has(next!.text))) {
        alias = next!.text;
        k++;
      }
      const ref: Reference = { at: j, table: name!.text, alias, insert: t.text === "into", scope: scope.of[j]!, keyed: false };
      bindings.set(`${ref.scope}:${alias}`, ref);
      if (tables.has(name!.text)) references.push(ref);
      if (tokens[k]?.text === "," && t.text !== "into" && scope.of[k] === ref.scope) {
        j = k + 1;
        continue;
      }
      break;
    }
  }

  // Each condition on an org_id (`x.org_id =`, `= x.org_id`, `x.org_id in`; a bare `org_id` likewise) keys the table it resolves to.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isName(t) || t.text !== "org_id") continue;
    const qualified = tokens[i - 1]?.text === "." && isName(tokens[i - 2]);
    const first = qualified ? i - 2 : i;
    const compared = ["=", "in"].includes(tokens[i + 1]?.text ?? "") || tokens[first - 1]?.text === "=";
    if (!compared) continue;
    for (let s = scope.of[i]!; s >= 0; s = scope.parent[s]!) {
      if (qualified) {
        const ref = bindings.get(`${s}:${tokens[i - 2]!.text}`);
        if (!ref) continue;
        ref.keyed = true;
        break;
      }
      const here = references.filter((r) => r.scope === s && !r.insert);
      if (here.length === 0) continue;
      if (here.length === 1) here[0]!.keyed = true;
      break;
    }
  }

  for (const ref of references) {
    if (ref.insert) {
      // insert into "t" [as x] ("id", "org_id", …): the column list right after the table.
      let k = ref.at + 1;
      if (tokens[k]?.text === "as") k += 2;
      if (tokens[k]?.text !== "(") {
        violations.push({ table: ref.table, alias: ref.alias, why: "INSERT without a column list" });
        continue;
      }
      const depth = tokens[k]!.depth;
      let hasKey = false;
      for (let m = k + 1; m < tokens.length && !(tokens[m]!.text === ")" && tokens[m]!.depth === depth); m++) {
        if (isName(tokens[m]) && tokens[m]!.text === "org_id") hasKey = true;
      }
      if (!hasKey) violations.push({ table: ref.table, alias: ref.alias, why: "INSERT whose column list has no org_id" });
      continue;
    }
    if (!ref.keyed) {
      violations.push({
        table: ref.table,
        alias: ref.alias,
        why: `no condition on ${ref.alias === ref.table ? `"${ref.table}"` : ref.alias}.org_id`,
      });
    }
  }
  return violations;
}
