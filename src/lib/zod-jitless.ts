import { config } from "zod/v4/core";

/**
 * In the browser, zod must never try `new Function`: the page's CSP has no
 * 'unsafe-eval', so zod's probe for eval (run when the first object schema is
 * built) and its compiled parsers would each be a CSP violation report, even
 * though zod catches the error. Jitless parsing is the interpreted path, fast
 * enough for forms. Imported first by src/instrumentation-client.ts, which
 * Next.js runs before any other client code; `config` is tree-shaken to the
 * few lines that set zod's global configuration, so pages without zod stay
 * without it. The server keeps the compiled parsers (no CSP there).
 */
config({ jitless: true });
