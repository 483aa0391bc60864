import ts from "typescript";
import { twMerge } from "tailwind-merge";

/**
 * `cn` joins classes without merging them (src/lib/cn.ts), so two utilities that set the same
 * property on one element are decided by the order Tailwind writes its CSS, not by the order in
 * the markup. This finds such pairs in the source, with tailwind-merge (a dev dependency only)
 * as the judge of what conflicts:
 * - within one `cn(...)` call, in any one combination of its branches (`a ? "x" : "y"`,
 *   `cond && "x"`, `tones[tone]` take one branch each);
 * - within one cva(...) call, its base with one value of each variant group;
 * - between a component's own classes (a `cn(..., className)` inside it, cva variants
 *   included) and the `className` a caller passes it (a `cn(...)` there too).
 * Constants are read where they are defined, in the file or imported from another of the set;
 * a class name that comes from a prop or a computed value is not seen.
 * A default a caller may override is written `base:` (globals.css: zero specificity), which
 * tailwind-merge sees as another variant, so it is not a finding.
 */
export type ClassFinding = { where: string; classes: string[] };

type Alternatives = string[][];
const MAX_COMBINATIONS = 256;

const split = (text: string) => text.split(/\s+/).filter(Boolean);

/** Every class set an expression can produce, one per branch taken. */
function alternatives(node: ts.Node, consts: Map<string, ts.Node>, depth = 0): Alternatives {
  if (depth > 8) return [[]];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return alternatives(node.expression, consts, depth + 1);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [split(node.text)];
  if (ts.isTemplateExpression(node)) {
    const fixed = split([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" "));
    return combine([[fixed], ...node.templateSpans.map((s) => alternatives(s.expression, consts, depth + 1))]);
  }
  if (ts.isConditionalExpression(node))
    return [...alternatives(node.whenTrue, consts, depth + 1), ...alternatives(node.whenFalse, consts, depth + 1)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return [[], ...alternatives(node.right, consts, depth + 1)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    return [...alternatives(node.left, consts, depth + 1), ...alternatives(node.right, consts, depth + 1)];
  if (ts.isIdentifier(node)) {
    const value = consts.get(node.text);
    return value ? alternatives(value, consts, depth + 1) : [[]];
  }
  // tones[tone] or stacked.cell: one of the object's values, or the named one.
  if (ts.isElementAccessExpression(node) || ts.isPropertyAccessExpression(node)) {
    const target = ts.isIdentifier(node.expression) ? consts.get(node.expression.text) : undefined;
    if (!target || !ts.isObjectLiteralExpression(target)) return [[]];
    const values = target.properties.filter(ts.isPropertyAssignment);
    const named = ts.isPropertyAccessExpression(node) ? values.filter((p) => p.name.getText() === node.name.text) : values;
    // No value found (a key the object lacks) is a part that adds nothing, not one with no way at all: the rest is still checked.
    return named.length ? named.flatMap((p) => alternatives(p.initializer, consts, depth + 1)) : [[]];
  }
  if (ts.isJsxExpression(node)) return node.expression ? alternatives(node.expression, consts, depth + 1) : [[]];
  if (isCall(node, "cn")) return combine(node.arguments.map((a) => alternatives(a, consts, depth + 1)));
  if (ts.isArrayLiteralExpression(node)) return combine(node.elements.map((e) => alternatives(e, consts, depth + 1)));
  return [[]];
}

/** How many class sets `combine(parts)` stands for, uncapped. */
const combinations = (parts: Alternatives[]) => parts.reduce((n, part) => n * Math.max(1, part.length), 1);

/** One class set per way of picking one alternative from each part (capped at MAX_COMBINATIONS: see `tooMany`). */
function combine(parts: Alternatives[]): Alternatives {
  let out: Alternatives = [[]];
  for (const part of parts) {
    const next: Alternatives = [];
    for (const head of out) for (const tail of part) if (next.length < MAX_COMBINATIONS) next.push([...head, ...tail]);
    out = next;
  }
  return out;
}

/** A cva(...) call's parts: its base, then one part per variant group whose alternatives are the group's values. */
function cvaParts(call: ts.CallExpression, consts: Map<string, ts.Node>): Alternatives[] {
  const [base, config] = call.arguments;
  const parts: Alternatives[] = [base ? alternatives(base, consts) : [[]]];
  if (config && ts.isObjectLiteralExpression(config)) {
    const variants = config.properties.find((p) => p.name?.getText() === "variants");
    if (variants && ts.isPropertyAssignment(variants) && ts.isObjectLiteralExpression(variants.initializer))
      for (const group of variants.initializer.properties)
        if (ts.isPropertyAssignment(group) && ts.isObjectLiteralExpression(group.initializer))
          parts.push(group.initializer.properties.filter(ts.isPropertyAssignment).flatMap((v) => alternatives(v.initializer, consts)));
  }
  return parts;
}

/** Classes of `set` that tailwind-merge drops because a later class sets the same property. */
function overridden(set: string[]): string[] {
  const kept = new Set(split(twMerge(set.join(" "))));
  return [...new Set(set)].filter((c) => !kept.has(c));
}

const isCall = (node: ts.Node, name: string): node is ts.CallExpression =>
  ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name;

/** The findings in a set of source files ({ path: text }). */
export function findClassConflicts(files: Record<string, string>): ClassFinding[] {
  const findings: ClassFinding[] = [];
  const ownClasses = new Map<string, string[]>();
  const usages: { tag: string; where: string; sets: Alternatives }[] = [];

  const sources = new Map<string, { source: ts.SourceFile; consts: Map<string, ts.Node> }>();
  for (const [path, text] of Object.entries(files)) {
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const consts = new Map<string, ts.Node>();
    const collect = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
      node.forEachChild(collect);
    };
    collect(source);
    sources.set(path, { source, consts });
  }
  // A constant imported from another file of the set ("@/components/ui/stacked-table") reads as it does there.
  const moduleFile = (from: string, specifier: string) => {
    const base = specifier.startsWith("@/")
      ? `src/${specifier.slice(2)}`
      : specifier.startsWith(".")
        ? [...from.split("/").slice(0, -1), specifier].join("/")
        : null;
    if (!base) return undefined;
    const normal = base
      .split("/")
      .reduce<string[]>((parts, part) => (part === ".." ? parts.slice(0, -1) : part === "." ? parts : [...parts, part]), [])
      .join("/");
    return [".ts", ".tsx", "/index.ts", "/index.tsx"].map((end) => normal + end).find((candidate) => sources.has(candidate));
  };
  for (const [path, { source, consts }] of sources)
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const bindings = statement.importClause?.namedBindings;
      const other = moduleFile(path, statement.moduleSpecifier.text);
      if (!other || !bindings || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        const value = sources.get(other)!.consts.get((element.propertyName ?? element.name).text);
        if (value && !consts.has(element.name.text)) consts.set(element.name.text, value);
      }
    }

  for (const [path, { source, consts }] of sources) {
    const where = (node: ts.Node) => `${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

    const visit = (node: ts.Node, component: string | null) => {
      let inside = component;
      if (ts.isFunctionDeclaration(node) && node.name) inside = node.name.text;
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isArrowFunction(node.initializer))
        inside = node.name.text;
      // A call with more combinations than are checked is a finding of its own, not a pass.
      const tooMany = (parts: Alternatives[]) => {
        if (combinations(parts) <= MAX_COMBINATIONS) return false;
        findings.push({ where: where(node), classes: [`(more than ${MAX_COMBINATIONS} combinations: split the call)`] });
        return true;
      };
      if (isCall(node, "cva")) {
        const parts = cvaParts(node, consts);
        const lost = tooMany(parts)
          ? undefined
          : combine(parts)
              .map(overridden)
              .find((l) => l.length);
        if (lost) findings.push({ where: where(node), classes: lost });
      }
      if (isCall(node, "cn")) {
        const parts = node.arguments.map((a) => {
          const variants = ts.isCallExpression(a) && ts.isIdentifier(a.expression) ? consts.get(a.expression.text) : undefined;
          // buttonVariants({ variant, size }): the variants are checked in the cva call itself.
          return variants && isCall(variants, "cva") ? [[]] : alternatives(a, consts);
        });
        for (const set of tooMany(parts) ? [] : combine(parts)) {
          const lost = overridden(set);
          if (lost.length) {
            findings.push({ where: where(node), classes: lost });
            break;
          }
        }
        if (inside && node.arguments.some((a) => ts.isIdentifier(a) && a.text === "className")) {
          const own = parts.flat(2);
          for (const a of node.arguments) {
            const variants = ts.isCallExpression(a) && ts.isIdentifier(a.expression) ? consts.get(a.expression.text) : undefined;
            // Every class the variants can give (the values of one group are alternatives of each other).
            if (variants && isCall(variants, "cva")) own.push(...cvaParts(variants, consts).flat(2));
          }
          ownClasses.set(inside, own);
        }
      }
      if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && /^[A-Z]/.test(node.tagName.getText())) {
        const attribute = node.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText() === "className");
        if (attribute && ts.isJsxAttribute(attribute) && attribute.initializer)
          usages.push({ tag: node.tagName.getText(), where: where(node), sets: alternatives(attribute.initializer, consts) });
      }
      node.forEachChild((child) => visit(child, inside));
    };
    visit(source, null);
  }

  for (const usage of usages) {
    const own = ownClasses.get(usage.tag);
    if (!own) continue;
    const lost = new Set<string>();
    for (const set of usage.sets) for (const mine of new Set(own)) if (overridden([mine, ...set]).includes(mine)) lost.add(mine);
    if (lost.size) findings.push({ where: `${usage.where} <${usage.tag} className>`, classes: [...lost] });
  }
  return findings;
}
