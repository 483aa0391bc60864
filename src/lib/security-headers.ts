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

/** Two years, subdomains included: once seen over https, browsers never try plain http again. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * Whether the browser reached the app over https: the request itself is
 * https, or the proxy that terminated TLS says so in X-Forwarded-Proto (its
 * first value, the client-facing hop). That header is believed only with
 * TRUST_PROXY: anyone can send it to an app that is not behind a proxy.
 */
export function servedOverHttps(url: string, forwardedProto: string | null, trustProxy: boolean): boolean {
  if (/^https:/i.test(url)) return true;
  return trustProxy && forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/**
 * Headers of every API answer: never stored by a browser or a shared cache
 * (answers carry private notes, exports and new token secrets), and HSTS over https.
 */
export function apiResponseHeaders(https: boolean): Record<string, string> {
  return { "cache-control": "no-store", ...(https ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY } : {}) };
}
