// Sums every suite's results into one closing line: "N passed, N failed".
import fs from "node:fs";
import path from "node:path";

const out = process.argv[2] ?? ".ci/out";
let passed = 0;
let failed = 0;
const lines = [];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(out, file), "utf8"));
  } catch {
    return null;
  }
}

for (const line of fs.readFileSync(path.join(out, "steps.tsv"), "utf8").split("\n").filter(Boolean)) {
  const [name, result] = line.split("\t");
  if (result === "pass") passed++;
  else failed++;
  lines.push(`${name}: ${result}`);
}

for (const [file, label] of [
  ["vitest-pglite.json", "unit + integration (PGlite)"],
  ["vitest-postgres.json", "integration (PostgreSQL)"],
]) {
  const report = readJson(file);
  if (!report) {
    failed++;
    lines.push(`${label}: no report (the run crashed)`);
    continue;
  }
  const p = report.numPassedTests ?? 0;
  // A file that fails to load has no failed test but fails the suite.
  const f = (report.numFailedTests ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? 1 : 0);
  if (p === 0 && f === 0) failed++;
  passed += p;
  failed += f;
  lines.push(`${label}: ${p} passed, ${f} failed`);
}

const e2e = readJson("e2e.json");
if (!e2e) {
  failed++;
  lines.push("e2e: no report (the run crashed or the server did not start)");
} else {
  const p = (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0);
  const f = (e2e.stats?.unexpected ?? 0) + (e2e.errors?.length ?? 0);
  if (p === 0 && f === 0) failed++;
  passed += p;
  failed += f;
  lines.push(`e2e: ${p} passed, ${f} failed${e2e.stats?.flaky ? ` (${e2e.stats.flaky} flaky, passed on retry)` : ""}`);
}

console.log("\n" + lines.join("\n"));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
