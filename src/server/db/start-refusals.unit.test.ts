import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { holdDataDir } from "@/test/data-dir-holder";

// `npm start` refuses clearly, before building anything, when it cannot run safely.
// (That a lock file left behind does not stop a start is checked by src/test/starts.ts.)
const server = path.resolve(import.meta.dirname, "../../cli/server.mjs");

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [server], {
    env: { ...process.env, DATABASE_URL: "", AUTH_SECRET: "", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("npm start refuses", () => {
  it("a data folder held by another running Intersect", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intersect-start-"));
    const holder = await holdDataDir(dir);
    try {
      const result = start({ DATA_DIR: dir, PORT: "3999" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`is in use by another Intersect process (pid ${holder.pid})`);
    } finally {
      holder.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("DATABASE_URL without AUTH_SECRET", () => {
    const result = start({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL is set but AUTH_SECRET is not");
  });
});
