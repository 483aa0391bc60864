import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { holdDataDir } from "@/test/data-dir-holder";
import { DataDirInUseError, LOCK_FILE_NAME, lockDataDir } from "./data-dir-lock";

const folders: string[] = [];
const children: ChildProcess[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intersect-lock-"));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function holderOf(dir: string): Promise<ChildProcess> {
  const child = await holdDataDir(dir);
  children.push(child);
  return child;
}

function sleeper(): ChildProcess {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  children.push(child);
  return child;
}

describe("lockDataDir", () => {
  it("refuses a folder held by another running Intersect, naming its pid", async () => {
    const dir = tempDir();
    const holder = await holderOf(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(`is in use by another Intersect process (pid ${holder.pid})`);
  });

  it("is not stopped by a lock file naming a live process that holds no lock (pid reuse, pid 1 in a container)", () => {
    const dir = tempDir();
    const unrelated = sleeper();
    for (const pid of [1, unrelated.pid!]) {
      fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), String(pid));
      const release = lockDataDir(dir);
      expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), "utf8")).toBe(String(process.pid));
      release();
    }
  });

  it("is taken at once after the holder was killed with SIGKILL", async () => {
    const dir = tempDir();
    const holder = await holderOf(dir);
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    holder.kill("SIGKILL");
    await exited;
    // The dead holder's pid is still in the file; the kernel dropped its lock.
    expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), "utf8")).toBe(String(holder.pid));
    lockDataDir(dir)();
  });

  it("refuses a second open of the same folder within one process", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    release();
  });

  it("creates the folder, and once released the folder can be locked again", () => {
    const dir = path.join(tempDir(), "nested", "data");
    const release = lockDataDir(dir);
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(true);
    release();
    release(); // a second call does nothing
    lockDataDir(dir)();
  });
});
