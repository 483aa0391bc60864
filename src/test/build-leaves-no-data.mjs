#!/usr/bin/env node
// `next build` must never open the database: it would create DATA_DIR, run
// the migrations and hold the folder's lock from a build (issue #14). This
// builds the app with DATA_DIR pointing at a folder that does not exist and
// no DATABASE_URL (the embedded database, whose opening leaves files behind),
// then fails if the folder exists afterwards. CI runs it as its build step:
//
//   npm run test:build
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const parent = fs.mkdtempSync(path.join(os.tmpdir(), "intersect-build-"));
const dataDir = path.join(parent, "data");
const env = { ...process.env, DATA_DIR: dataDir };
delete env.DATABASE_URL;

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });

let failure;
if (build.status !== 0) failure = `next build failed (exit ${build.status ?? build.signal}).`;
else if (fs.existsSync(dataDir)) {
  failure = `next build wrote into DATA_DIR (${dataDir}): ${fs.readdirSync(dataDir).join(", ") || "an empty folder"}. A page or module opened the database while building.`;
}
fs.rmSync(parent, { recursive: true, force: true });
if (failure) {
  console.error(`\nbuild check: ${failure}\n`);
  process.exit(1);
}
console.log("build check: next build succeeded and left DATA_DIR untouched.");
