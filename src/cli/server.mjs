#!/usr/bin/env node
// Intersect's server: `npm start` (production) and `npm run dev`.
//
// It exists, rather than plain `next start`, for three things Next.js cannot do:
// - the zero-set-up local mode: with no DATABASE_URL, an AUTH_SECRET is made
//   once and kept in the data folder; with DATABASE_URL, a missing AUTH_SECRET
//   stops the start with a clear message;
// - building first when the build is missing or older than the sources;
// - the client address: Next.js keeps a client's own X-Forwarded-For header,
//   so unless TRUST_PROXY says a proxy sets it, the header is dropped here and
//   Next.js fills it from the socket (sign-in throttling counts per address).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { tryLock } = require("fs-native-extensions");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
process.chdir(root);

const dev = process.argv.includes("--dev");
const env = process.env;

function fail(message) {
  console.error(`\nIntersect cannot start: ${message}\n`);
  process.exit(1);
}

function isTrue(value) {
  return /^(1|true|yes)$/i.test(value ?? "");
}

// --- configuration ---------------------------------------------------------
const localMode = !env.DATABASE_URL;
const dataDir = path.resolve(env.DATA_DIR || ".data");
if (localMode) {
  env.DATA_DIR = dataDir;
  refuseIfDataDirInUse(dataDir);
  if (!env.AUTH_SECRET) env.AUTH_SECRET = localAuthSecret(dataDir);
} else if (!env.AUTH_SECRET) {
  fail(
    "DATABASE_URL is set but AUTH_SECRET is not. Set AUTH_SECRET to a long random string " +
      "(for example the output of `openssl rand -base64 32`), the same on every instance.",
  );
}
const port = Number.parseInt(env.PORT || "3000", 10);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, not "${env.PORT}".`);
// A local install answers only this machine; a deployment listens on every interface.
const hostname = env.HOST || (localMode ? "127.0.0.1" : "0.0.0.0");
const trustProxy = isTrue(env.TRUST_PROXY);

/**
 * Fails at once, before building or listening, when another live process
 * holds the data folder. The app takes the lock itself when it opens the
 * database (src/server/db/data-dir-lock.ts: an advisory lock of the operating
 * system, released by the kernel when its holder dies, so a lock file left
 * behind never blocks a start); this only makes the refusal early. The probe's
 * descriptor is closed again at once: the app's own lock, taken later in this
 * same process, would conflict with it.
 */
function refuseIfDataDirInUse(folder) {
  const lockFile = path.join(folder, "intersect.lock");
  let fd;
  try {
    fd = fs.openSync(lockFile, "r+");
  } catch {
    return; // no lock file: no one holds the folder
  }
  let free;
  try {
    free = tryLock(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (free) return;
  const pid = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
  fail(
    `The database folder ${folder} is in use by another Intersect process${pid > 0 ? ` (pid ${pid})` : ""}. ` +
      "Stop that process, or point DATA_DIR at another folder.",
  );
}

/** A random secret made on first start and kept (readable by this user only) in the data folder. */
function localAuthSecret(folder) {
  const file = path.join(folder, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not made yet
  }
  fs.mkdirSync(folder, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

// --- build when needed -----------------------------------------------------
const BUILD_INPUTS = ["src", "public", "next.config.mjs", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function buildIsCurrent() {
  try {
    const built = fs.statSync(path.join(".next", "BUILD_ID")).mtimeMs;
    return BUILD_INPUTS.every((entry) => newestMtime(entry) <= built);
  } catch {
    return false;
  }
}

if (!dev && !buildIsCurrent()) {
  console.log("Building Intersect (first start, or the sources changed)…");
  const nextBin = require.resolve("next/dist/bin/next");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (result.status !== 0) fail("the build failed (see above).");
}

// --- serve -------------------------------------------------------------------
env.NODE_ENV = dev ? "development" : "production";
const { default: next } = await import("next");
const server = http.createServer();
const app = next({ dev, hostname, port, httpServer: server, turbopack: dev });
await app.prepare();
const handle = app.getRequestHandler();

server.on("request", (req, res) => {
  if (!trustProxy) {
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"]) {
      delete req.headers[name];
    }
  }
  handle(req, res);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());

server.on("error", (error) => {
  if (error.code === "EADDRINUSE") fail(`port ${port} is in use. Set PORT to another port.`);
  fail(error.message);
});
server.listen(port, hostname, () => {
  const shown = hostname === "0.0.0.0" || hostname === "127.0.0.1" ? "localhost" : hostname;
  console.log(
    `Intersect is running at http://${shown}:${port} (${localMode ? `embedded database in ${dataDir}` : "PostgreSQL"}${dev ? ", development" : ""})`,
  );
});

// --- stop cleanly ------------------------------------------------------------
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections?.();
  try {
    const database = await globalThis[Symbol.for("intersect.database")];
    await database?.close();
  } catch {
    // nothing open
  }
  process.exit(signal === "SIGINT" ? 130 : 0);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
