/**
 * Another live Intersect holding a data folder, for tests: a child process
 * that takes the folder's lock with the app's own lockDataDir and sleeps.
 * Resolves once the lock is held; kill the child to let it go.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const lockModule = path.resolve(import.meta.dirname, "../server/db/data-dir-lock.ts");

export async function holdDataDir(dir: string): Promise<ChildProcess> {
  const script = `import(${JSON.stringify(lockModule)}).then((m) => { m.lockDataDir(${JSON.stringify(dir)}); console.log("locked"); setInterval(() => {}, 60_000); })`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before it held ${dir}`)));
  });
  return child;
}
