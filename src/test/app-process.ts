/**
 * Starting and signing in to the built app from a benchmark or an e2e test
 * that needs more than Playwright's one server: spawn
 * `src/cli/server.mjs`, wait for /api/health, sign in over plain HTTP the way
 * the sign-in form does, and stop the process again (listening for its exit
 * before signalling it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";

export type AppProcess = { base: string; child: ChildProcess; stop: () => Promise<void> };

export function startApp(port: number, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ["src/cli/server.mjs"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { base: `http://127.0.0.1:${port}`, child, stop: () => stopProcess(child) };
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** Resolves with the milliseconds until the first 200 of `url`, or throws after `timeoutMs`. */
export async function waitFor200(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * One sign-in attempt through Auth.js's credentials callback, as the sign-in
 * form makes it: the session's Cookie header, or the error code Auth.js
 * redirects with ("invalid", "throttled:15").
 */
export async function attemptSignIn(base: string, email: string, password: string): Promise<{ cookie: string } | { error: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (session) return { cookie: session.split(";")[0]! };
  const location = new URL(response.headers.get("location") ?? "/", base);
  return { error: location.searchParams.get("code") ?? location.searchParams.get("error") ?? `HTTP ${response.status}` };
}

/** Signs in and returns the Cookie header of the session; throws when the sign-in fails. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const result = await attemptSignIn(base, email, password);
  if ("error" in result) throw new Error(`sign-in as ${email} failed: ${result.error}`);
  return result.cookie;
}
