import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from "yaml";
import type { z } from "zod";
import { API_VERSION, sliDocumentSchema, sloDocumentSchema, UNSUPPORTED_FIELDS, type SliSpecDocument } from "./openslo-schema";
import { guessUnit, sloSpecSchema, type SloSpec } from "./spec";

/** One problem in an OpenSLO file: where it is (1-based line and column), which field, what is wrong. */
export type SloIssue = { line: number; column: number; path: string; message: string };
export type SloParseResult = { ok: true; spec: SloSpec } | { ok: false; issues: SloIssue[] };

/** "line 14, column 9, spec.indicator.spec.ratioMetric.good: missing metricSource.spec.query" */
export function formatSloIssue(issue: SloIssue): string {
  return `line ${issue.line}, column ${issue.column}${issue.path ? `, ${issue.path}` : ""}: ${issue.message}`;
}

/** At most this many problems are reported: past that, the file is most likely not OpenSLO at all. */
const MAX_ISSUES = 20;
/** Document kinds that may sit in the same file and are not imported (their connection details and services live in Intersect). */
const IGNORED_KINDS = new Set(["DataSource", "Service"]);

type Path = (string | number)[];

function pathText(path: Path): string {
  return path.reduce<string>((s, seg) => (typeof seg === "number" ? `${s}[${seg}]` : s ? `${s}.${seg}` : seg), "");
}

/** Where `path` is in a document: the deepest node that exists on it, how deep that is, and the key node when the last step was a map key. */
function locate(doc: Document, path: Path) {
  let node: unknown = doc.contents;
  let keyNode: unknown = null;
  let depth = 0;
  for (const seg of path) {
    let next: unknown;
    let nextKey: unknown = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (pair) [next, nextKey] = [pair.value ?? pair.key, pair.key];
    } else if (isSeq(node) && typeof seg === "number") {
      next = node.items[seg];
    }
    if (next === undefined) break;
    [node, keyNode] = [next, nextKey];
    depth++;
  }
  return { node, keyNode, depth };
}

function offsetOf(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : 0;
}

/** Turns a zod issue into line-and-field problems, pointing at the nearest field that exists in the file. */
function issuesOf(doc: Document, data: unknown, issue: z.core.$ZodIssue, lines: LineCounter): SloIssue[] {
  const at = (path: Path, message: string, onKey = false): SloIssue => {
    const { node, keyNode, depth } = locate(doc, path);
    const found = path.slice(0, depth);
    const rest = path.slice(depth);
    const pos = lines.linePos(offsetOf(onKey && keyNode && depth === path.length ? keyNode : node));
    return {
      line: pos.line,
      column: pos.col,
      path: pathText(found),
      message: rest.length ? `missing ${pathText(rest)}${message === "missing" ? "" : ` (${message})`}` : message,
    };
  };
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => at([...path, key], UNSUPPORTED_FIELDS[key] ?? `unknown field "${key}"`, true));
  }
  if (issue.code === "invalid_type" && valueAt(data, path) === undefined) return [at(path, "missing")];
  return [at(path, issue.message)];
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

type Parsed<T> = { doc: Document; data: T };

/**
 * Reads an OpenSLO v1 file: one SLO, with its SLI inline (spec.indicator) or
 * by name (spec.indicatorRef, an SLI document in the same file), over
 * Prometheus queries. Every problem names its line, column and field; a
 * field Intersect does not support is a problem too. Never throws.
 */
export function parseOpenSlo(text: string): SloParseResult {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const issues: SloIssue[] = [];
  const docList = Array.isArray(docs) ? docs : [];

  for (const doc of docList) {
    for (const error of doc.errors) {
      const offset = error.pos[0];
      const pos = lines.linePos(offset);
      issues.push({
        line: pos.line,
        column: pos.col,
        path: "",
        message: `YAML: ${error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "")}`,
      });
    }
  }
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };

  const slos: Parsed<z.output<typeof sloDocumentSchema>>[] = [];
  const slis: Parsed<z.output<typeof sliDocumentSchema>>[] = [];
  for (const doc of docList) {
    const where = (path: Path, message: string): SloIssue => {
      const { node, depth } = locate(doc, path);
      const pos = lines.linePos(offsetOf(node));
      return { line: pos.line, column: pos.col, path: pathText(path.slice(0, depth)), message };
    };
    let data: unknown;
    try {
      // Aliases that expand past yaml's limit (a "billion laughs" file) throw here rather than eat the memory.
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      issues.push(where([], `YAML: ${error instanceof Error ? error.message : "the document cannot be read"}`));
      continue;
    }
    if (data === null || data === undefined) continue;
    if (typeof data !== "object" || Array.isArray(data)) {
      issues.push(where([], "expected an OpenSLO document (apiVersion, kind, metadata, spec)"));
      continue;
    }
    const { kind, apiVersion } = data as { kind?: unknown; apiVersion?: unknown };
    if (typeof kind === "string" && IGNORED_KINDS.has(kind) && apiVersion === API_VERSION) continue;
    const schema = kind === "SLO" ? sloDocumentSchema : kind === "SLI" ? sliDocumentSchema : null;
    if (!schema) {
      issues.push(
        where(
          ["kind"],
          kind === undefined
            ? "missing kind (SLO or SLI)"
            : `kind ${String(kind)} is not supported: Intersect imports SLO and SLI documents`,
        ),
      );
      continue;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) issues.push(...issuesOf(doc, data, issue, lines));
      continue;
    }
    if (result.data.kind === "SLO") slos.push({ doc, data: result.data });
    else slis.push({ doc, data: result.data });
  }
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };

  const first = docList[0];
  const startOf = (doc: Document | undefined, path: Path = []) => {
    const pos = lines.linePos(doc ? offsetOf(locate(doc, path).node) : 0);
    return { line: pos.line, column: pos.col };
  };
  if (slos.length !== 1) {
    const doc = slos[1]?.doc ?? first;
    return {
      ok: false,
      issues: [
        {
          ...startOf(doc),
          path: "kind",
          message: slos.length ? "only one SLO per file can be imported" : "no SLO document (kind: SLO) in the file",
        },
      ],
    };
  }
  const { doc, data: slo } = slos[0]!;
  const fail = (path: Path, message: string): SloParseResult => ({
    ok: false,
    issues: [{ ...startOf(doc, path), path: pathText(path), message }],
  });

  // The SLI: inline, or the SLI document named by indicatorRef.
  let indicator: { name: string; displayName: string | null; spec: SliSpecDocument; path: Path };
  if (slo.spec.indicator && slo.spec.indicatorRef) return fail(["spec", "indicatorRef"], "give indicator or indicatorRef, not both");
  if (slo.spec.indicator) {
    const { metadata, spec } = slo.spec.indicator;
    indicator = { name: metadata.name, displayName: metadata.displayName ?? null, spec, path: ["spec", "indicator", "spec"] };
  } else if (slo.spec.indicatorRef) {
    const sli = slis.find((s) => s.data.metadata.name === slo.spec.indicatorRef);
    if (!sli) return fail(["spec", "indicatorRef"], `no SLI named ${slo.spec.indicatorRef} in the file`);
    indicator = { name: sli.data.metadata.name, displayName: sli.data.metadata.displayName ?? null, spec: sli.data.spec, path: ["spec"] };
  } else {
    return fail(["spec"], "missing indicator (or indicatorRef)");
  }

  const objective = slo.spec.objectives[0]!;
  const objectivePath: Path = ["spec", "objectives", 0];
  if (objective.target !== undefined && objective.targetPercent !== undefined)
    return fail([...objectivePath, "targetPercent"], "give target or targetPercent, not both");
  const target =
    objective.target ?? (objective.targetPercent !== undefined ? Number((objective.targetPercent / 100).toPrecision(12)) : undefined);
  if (target === undefined) return fail(objectivePath, "missing target (or targetPercent)");

  const [window] = slo.spec.timeWindow;
  const common = {
    name: slo.metadata.name,
    displayName: slo.metadata.displayName ?? null,
    description: slo.spec.description ?? null,
    service: slo.spec.service,
    indicator: { name: indicator.name, displayName: indicator.displayName },
    window: { duration: window!.duration, rolling: window!.isRolling === true, calendar: window!.calendar ?? null },
    objective: { displayName: objective.displayName ?? null, target },
  };

  let spec: SloSpec;
  if (indicator.spec.ratioMetric) {
    const { counter, good, bad, total } = indicator.spec.ratioMetric;
    if (objective.op !== undefined || objective.value !== undefined) {
      return fail(
        [...objectivePath, objective.op !== undefined ? "op" : "value"],
        "op and value are for a thresholdMetric: a ratio's objective is its target alone",
      );
    }
    spec = {
      kind: "availability",
      ratio: {
        counter,
        numerator: good ? "good" : "bad",
        numeratorQuery: (good ?? bad)!.metricSource.spec.query,
        totalQuery: total.metricSource.spec.query,
      },
      ...common,
    };
  } else {
    const { query } = indicator.spec.thresholdMetric!.metricSource.spec;
    if (objective.op === undefined)
      return fail(objectivePath, "missing op (lt, lte, gt or gte): a thresholdMetric compares its value with the objective's");
    if (objective.value === undefined) return fail(objectivePath, "missing value: the threshold the query is compared with");
    spec = { kind: "latency", threshold: { query, op: objective.op, value: objective.value, unit: guessUnit(query) }, ...common };
  }
  // The normalised spec's own rules (lengths); the document schemas above already hold the file to them.
  const checked = sloSpecSchema.safeParse(spec);
  if (!checked.success) return fail(["spec"], checked.error.issues[0]?.message ?? "not a supported SLO");
  return { ok: true, spec: checked.data };
}
