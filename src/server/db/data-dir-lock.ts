import fs from "node:fs";
import path from "node:path";
import { tryLock } from "fs-native-extensions";

/**
 * PGlite takes no lock on its data folder, and two processes writing to one
 * folder corrupt it. So the folder's `intersect.lock` file is held with an
 * exclusive advisory lock of the operating system (an open-file-description
 * lock on Linux, flock on macOS, LockFileEx on Windows) for as long as the
 * database is open. The kernel drops the lock when the process ends, however
 * it ends (kill -9, a crash, the container stopping), so a lock file left
 * behind never blocks a start: only a live holder does. The process id
 * written into the file is for the message only; it is never trusted to
 * decide (pids are reused, and in a container pid 1 is always alive).
 *
 * src/cli/server.mjs makes the same check before building, to refuse early.
 */
export const LOCK_FILE_NAME = "intersect.lock";

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number | undefined) {
    super(
      `The database folder ${dataDir} is in use by another Intersect process${pid ? ` (pid ${pid})` : ""}. ` +
        `Stop that process, or point DATA_DIR at another folder.`,
    );
    this.name = "DataDirInUseError";
  }
}

/** Locks `dataDir` (creating it) and returns the function that releases it; throws DataDirInUseError when a live process holds it. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, LOCK_FILE_NAME);
  // "a+" creates the file without truncating it: the holder's pid stays readable.
  const fd = fs.openSync(lockFile, "a+");
  let granted: boolean;
  try {
    granted = tryLock(fd);
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  if (!granted) {
    fs.closeSync(fd);
    throw new DataDirInUseError(dataDir, holderPid(lockFile));
  }
  fs.ftruncateSync(fd, 0);
  fs.writeSync(fd, String(process.pid), 0);

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    try {
      fs.ftruncateSync(fd, 0);
    } catch {
      // the pid is only informative
    }
    // Closing the descriptor releases the lock. The file itself stays: deleting
    // a lock file races with a process that has just opened it.
    fs.closeSync(fd);
  };
  process.once("exit", release);
  return release;
}

/** The pid the holder wrote into the lock file, if it is readable yet. */
export function holderPid(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
