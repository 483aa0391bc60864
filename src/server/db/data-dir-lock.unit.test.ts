import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "./data-dir-lock";

const folders: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intersect-lock-"));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("lockDataDir", () => {
  it("refuses a folder held by another running process, with a clear message", async () => {
    const dir = tempDir();
    // Another process holds the lock: a sleeping child whose pid is in the file.
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      fs.writeFileSync(path.join(dir, "intersect.lock"), String(child.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir)).toThrow(/in use by another Intersect process \(pid \d+\)/);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that died (kill -9)", async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
    await new Promise((resolve) => child.on("exit", resolve));
    fs.writeFileSync(path.join(dir, "intersect.lock"), String(child.pid));
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "intersect.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "intersect.lock"))).toBe(false);
  });

  it("creates the folder and releases the lock", () => {
    const dir = path.join(tempDir(), "nested", "data");
    const release = lockDataDir(dir);
    expect(fs.existsSync(path.join(dir, "intersect.lock"))).toBe(true);
    release();
    expect(fs.existsSync(path.join(dir, "intersect.lock"))).toBe(false);
  });
});
