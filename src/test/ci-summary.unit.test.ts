import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { summarize } from "../../.ci/summarize.mjs";

// .ci/summarize.mjs decides whether CI is green: fed fixture reports and exit
// codes, as .ci/run leaves them.

type Summary = { lines: string[]; closing: string; failed: number; ok: boolean };
const run = summarize as (input: { steps: string[][] | null; exits: Record<string, number>; reports: Record<string, unknown> }) => Summary;

const vitest = (passed: number, failed = 0, skipped = 0) => ({
  numTotalTests: passed + failed + skipped,
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: skipped,
  numTodoTests: 0,
  numFailedTestSuites: failed ? 1 : 0,
  success: failed === 0,
});
const playwright = (expected: number, { unexpected = 0, skipped = 0, flaky = 0, errors = [] as unknown[] } = {}) => ({
  stats: { expected, unexpected, skipped, flaky },
  errors,
});

const green = () => ({
  steps: [
    ["typecheck", "pass"],
    ["build", "pass"],
    ["db-restart", "pass"],
  ],
  exits: { "vitest-pglite": 0, "vitest-postgres": 0, e2e: 0 },
  reports: {
    "vitest-pglite.json": vitest(700, 0, 2),
    "vitest-postgres.json": vitest(400),
    "e2e.json": playwright(60, { skipped: 1 }),
  } as Record<string, unknown>,
});

describe(".ci/summarize.mjs", () => {
  it("names each failed test with its error's first line, vitest's and Playwright's", () => {
    const input = green();
    input.exits["vitest-postgres"] = 1;
    input.exits.e2e = 1;
    input.reports["vitest-postgres.json"] = {
      ...vitest(399, 1),
      testResults: [
        {
          name: path.join(process.cwd(), "src/a.int.test.ts"),
          status: "failed",
          assertionResults: [
            { status: "passed", fullName: "a ok" },
            {
              status: "failed",
              fullName: "a pulls once",
              failureMessages: ["\u001b[31mAssertionError: expected 2 to be 1\u001b[39m\n    at x"],
            },
          ],
        },
      ],
    };
    input.reports["e2e.json"] = {
      ...playwright(59, { unexpected: 1 }),
      suites: [
        {
          title: "x.spec.ts",
          file: "x.spec.ts",
          specs: [
            {
              title: "it opens",
              file: "x.spec.ts",
              line: 4,
              tests: [{ status: "unexpected", results: [{ error: { message: "Timeout 5000ms" } }] }],
            },
          ],
        },
      ],
    };
    const text = run(input).lines.join("\n");
    expect(text).toContain("  failed: src/a.int.test.ts > a pulls once: AssertionError: expected 2 to be 1");
    expect(text).toContain("  failed: x.spec.ts:4 > it opens: Timeout 5000ms");
    expect(text).not.toContain("a ok");
  });

  it("a green run: every test passed and every runner exited 0", () => {
    const summary = run(green());
    expect(summary.ok).toBe(true);
    expect(summary.closing).toBe("1163 passed, 0 failed, 3 skipped");
    expect(summary.lines).toContain("unit + integration (PGlite): 700 passed, 0 failed, 2 skipped (exit 0)");
  });

  it("all tests passed but vitest exited 1 (an unhandled rejection): a failure", () => {
    const input = green();
    input.exits["vitest-pglite"] = 1;
    const summary = run(input);
    expect(summary.ok).toBe(false);
    expect(summary.closing).toBe("1163 passed, 1 failed, 3 skipped");
    expect(summary.lines.join("\n")).toMatch(
      /PGlite\): 700 passed, 1 failed, 2 skipped \(exit 1\) -- failed because the runner exited 1 with no failed test/,
    );
  });

  it("all e2e tests passed but Playwright exited 1: a failure", () => {
    const input = green();
    input.exits.e2e = 1;
    expect(run(input)).toMatchObject({ ok: false, failed: 1 });
  });

  it("a runner whose exit code was not recorded, or that left no report, fails", () => {
    const noExit = green();
    delete (noExit.exits as Record<string, number>)["vitest-postgres"];
    expect(run(noExit)).toMatchObject({ ok: false, failed: 1 });
    const noReport = green();
    noReport.reports["e2e.json"] = null;
    noReport.exits.e2e = 137;
    const summary = run(noReport);
    expect(summary).toMatchObject({ ok: false, failed: 1 });
    expect(summary.lines).toContain("e2e: no report (the runner crashed or did not start; exit 137)");
  });

  it("failed tests, a suite that ran nothing, and a failed step are counted", () => {
    const input = green();
    input.reports["vitest-postgres.json"] = vitest(398, 2);
    input.exits["vitest-postgres"] = 1;
    input.reports["vitest-pglite.json"] = vitest(0);
    input.steps[1] = ["build", "fail"];
    const summary = run(input);
    expect(summary.closing).toBe("460 passed, 4 failed, 1 skipped");
    expect(summary.ok).toBe(false);
  });

  it("flaky e2e tests count as passed and are named on the suite's line", () => {
    const input = green();
    input.reports["e2e.json"] = playwright(58, { flaky: 2, skipped: 1 });
    const summary = run(input);
    expect(summary.ok).toBe(true);
    expect(summary.lines).toContain("e2e: 60 passed (2 flaky, passed on retry), 0 failed, 1 skipped (exit 0)");
    expect(summary.closing).toBe("1163 passed, 0 failed, 3 skipped");
  });

  it("as a command: prints the closing line last and exits non-zero on a runner's exit code alone", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-summary-"));
    try {
      const input = green();
      fs.writeFileSync(path.join(dir, "steps.tsv"), input.steps.map((s) => s.join("\t")).join("\n") + "\n");
      fs.writeFileSync(path.join(dir, "exits.tsv"), "vitest-pglite\t0\nvitest-postgres\t1\ne2e\t0\n");
      for (const [file, report] of Object.entries(input.reports)) fs.writeFileSync(path.join(dir, file), JSON.stringify(report));
      const result = spawnSync(process.execPath, [path.resolve(".ci/summarize.mjs"), dir], { encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stdout.trim().split("\n").at(-1)).toBe("1163 passed, 1 failed, 3 skipped");

      fs.writeFileSync(path.join(dir, "exits.tsv"), "vitest-pglite\t0\nvitest-postgres\t0\ne2e\t0\n");
      const green2 = spawnSync(process.execPath, [path.resolve(".ci/summarize.mjs"), dir], { encoding: "utf8" });
      expect(green2.status).toBe(0);
      expect(green2.stdout.trim().split("\n").at(-1)).toBe("1163 passed, 0 failed, 3 skipped");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
