/**
 * In the browser, zod must never try `new Function`: the page's CSP has no
 * 'unsafe-eval', so zod's probe for eval (run when the first object schema is
 * built) and its compiled parsers would each be a CSP violation report, even
 * though zod catches the error. Jitless parsing is the interpreted path, fast
 * enough for forms. Imported first by src/instrumentation-client.ts, which
 * Next.js runs before any other client code. The server keeps the compiled
 * parsers (no CSP there).
 *
 * zod keeps its global configuration on `globalThis.__zod_globalConfig` and
 * adopts an object already there when it loads (zod/v4/core/core.js). Setting
 * it directly, rather than through `config()` from zod/v4/core, keeps zod's
 * core (about 9 kB compressed) out of every page, the pages without zod
 * included. zod-jitless.test.ts checks that zod still reads it.
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });

export {};
