import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DatabaseAtBuildTimeError, getDatabase } from "./index";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getDatabase during next build", () => {
  it("refuses to open the database and writes nothing into DATA_DIR", async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "intersect-build-")), "data");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("DATA_DIR", dataDir);
    await expect(getDatabase()).rejects.toBeInstanceOf(DatabaseAtBuildTimeError);
    expect(fs.existsSync(dataDir)).toBe(false);
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });
});
