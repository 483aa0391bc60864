import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm start` refuses clearly, before building anything, when it cannot run safely.
const server = path.resolve(import.meta.dirname, "../../cli/server.mjs");

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [server], { env: { ...process.env, DATABASE_URL: "", AUTH_SECRET: "", ...env }, encoding: "utf8", timeout: 30_000 });
}

describe("npm start refuses", () => {
  it("a data folder held by another running process", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intersect-start-"));
    // This test's own process stands in for a running server.
    fs.writeFileSync(path.join(dir, "intersect.lock"), String(process.pid));
    const result = start({ DATA_DIR: dir, PORT: "3999" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`is in use by another Intersect process (pid ${process.pid})`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("DATABASE_URL without AUTH_SECRET", () => {
    const result = start({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL is set but AUTH_SECRET is not");
  });
});
