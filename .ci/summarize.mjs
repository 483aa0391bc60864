// Sums every suite's results into one closing line: "N passed, N failed, N skipped".
//
// A suite fails when its report shows a failed test, and also when its runner
// exited non-zero without one (vitest exits 1 on an unhandled error or
// rejection with every test passed; Playwright on a global error), when it
// left no report (it crashed), when its exit code was not recorded (the run
// stopped before it finished), or when it ran no test at all.
//
// .ci/run writes into the output folder: steps.tsv ("name<TAB>pass|fail" for
// steps that are not test suites), exits.tsv ("suite<TAB>exit code" for each
// runner), and the runners' JSON reports. `node .ci/summarize.mjs DIR` prints
// the summary and exits 1 when anything failed.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The test suites: their runner's name in exits.tsv, their report, and their label. */
export const SUITES = [
  { exit: "vitest-pglite", report: "vitest-pglite.json", label: "unit + integration (PGlite)", kind: "vitest" },
  { exit: "vitest-postgres", report: "vitest-postgres.json", label: "integration (PostgreSQL)", kind: "vitest" },
  { exit: "e2e", report: "e2e.json", label: "e2e", kind: "playwright" },
];

/** Lines of "a<TAB>b" as [a, b] pairs; a missing file is null. */
function readTsv(file) {
  if (!fs.existsSync(file)) return null;
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("\t"));
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Reads what .ci/run left in `dir`. */
export function readRun(dir) {
  const exitRows = readTsv(path.join(dir, "exits.tsv"));
  return {
    steps: readTsv(path.join(dir, "steps.tsv")),
    exits: exitRows ? Object.fromEntries(exitRows.map(([name, code]) => [name, Number(code)])) : {},
    reports: Object.fromEntries(SUITES.map((s) => [s.report, readJson(path.join(dir, s.report))])),
  };
}

/** A report's counts: flaky tests passed on a retry and are counted as passed. */
function countsOf(kind, report) {
  if (kind === "vitest") {
    const failedTests = report.numFailedTests ?? 0;
    // A file that fails to load has no failed test but fails the suite.
    const brokenFiles = report.numFailedTestSuites && !failedTests ? 1 : 0;
    return {
      passed: report.numPassedTests ?? 0,
      failed: failedTests + brokenFiles,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      flaky: 0,
    };
  }
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors?.length ?? 0),
    skipped: stats.skipped ?? 0,
    flaky: stats.flaky ?? 0,
  };
}

/**
 * The names of a report's failed tests with the first line of their error, so
 * that the summary at the tail of a CI log says which test failed (the log's
 * middle is often all a reader gets).
 */
export function failedTestsOf(kind, report) {
  const out = [];
  if (kind === "vitest") {
    for (const file of report.testResults ?? []) {
      const name = path.relative(process.cwd(), file.name ?? "");
      for (const t of file.assertionResults ?? []) {
        if (t.status === "failed") out.push(`${name} > ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
      }
      if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) {
        out.push(`${name}: ${firstLine(file.message)}`);
      }
    }
  } else {
    const walk = (suite, trail) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          if (test.status === "unexpected") {
            const error = test.results?.at(-1)?.error?.message;
            out.push(`${spec.file}:${spec.line} > ${[...trail, spec.title].join(" > ")}: ${firstLine(error)}`);
          }
        }
      }
      for (const child of suite.suites ?? []) walk(child, suite.title && !suite.file ? [...trail, suite.title] : trail);
    };
    for (const suite of report.suites ?? []) walk(suite, []);
  }
  return out;
}

/** Terminal colour codes (ESC [ … m), which vitest leaves in its failure messages. */
const COLOUR_CODES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

function firstLine(text) {
  const line =
    String(text ?? "")
      .replace(COLOUR_CODES, "")
      .split("\n")
      .find((l) => l.trim()) ?? "";
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * The summary of one run: per-step and per-suite lines, the totals, and
 * whether the run passed. `steps` is a list of [name, "pass" | "fail"] (null
 * when none were recorded), `exits` maps a runner to its exit code, and
 * `reports` maps a report's file name to its parsed JSON (null when missing).
 */
export function summarize({ steps, exits, reports }) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let flaky = 0;
  const lines = [];

  if (!steps) {
    failed++;
    lines.push("steps: none recorded (the run stopped early)");
  }
  for (const [name, result] of steps ?? []) {
    if (result === "pass") passed++;
    else failed++;
    lines.push(`${name}: ${result}`);
  }

  for (const suite of SUITES) {
    const code = exits[suite.exit];
    const exitNote = code === undefined || Number.isNaN(code) ? "exit code not recorded" : `exit ${code}`;
    const report = reports[suite.report];
    if (!report) {
      failed++;
      lines.push(`${suite.label}: no report (the runner crashed or did not start; ${exitNote})`);
      continue;
    }
    const c = countsOf(suite.kind, report);
    const problems = [];
    if (c.passed === 0 && c.failed === 0) {
      c.failed++;
      problems.push("it ran no test");
    }
    if (code === undefined || Number.isNaN(code)) {
      c.failed++;
      problems.push("its exit code was not recorded");
    } else if (code !== 0 && c.failed === 0) {
      // The report looks green but the runner says otherwise: unhandled errors
      // or rejections, a global setup or teardown error, a reporter crash.
      c.failed++;
      problems.push(`the runner exited ${code} with no failed test: see its log for unhandled errors`);
    }
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
    flaky += c.flaky;
    const flakyNote = c.flaky ? ` (${c.flaky} flaky, passed on retry)` : "";
    lines.push(
      `${suite.label}: ${c.passed} passed${flakyNote}, ${c.failed} failed, ${c.skipped} skipped (${exitNote})${problems.length ? ` -- failed because ${problems.join("; ")}` : ""}`,
    );
    for (const failure of failedTestsOf(suite.kind, report).slice(0, 20)) lines.push(`  failed: ${failure}`);
  }

  if (flaky) lines.push(`flaky: ${flaky} (passed on retry, counted as passed)`);
  const closing = `${passed} passed, ${failed} failed, ${skipped} skipped`;
  return { lines, closing, passed, failed, skipped, flaky, ok: failed === 0 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const summary = summarize(readRun(process.argv[2] ?? ".ci/out"));
  console.log("\n" + summary.lines.join("\n"));
  console.log(summary.closing);
  process.exit(summary.ok ? 0 : 1);
}
