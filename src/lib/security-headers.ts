/**
 * The Content-Security-Policy of every page. Scripts run only with this
 * request's nonce (Next.js reads it from the request's CSP header and puts it
 * on its own scripts); 'strict-dynamic' lets those load the chunks they need.
 * Styles allow inline attributes because UI primitives position popovers with
 * style attributes.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For responses that are never documents (API, static files): nothing may load or frame them. */
export const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'";
