import { apiResponseHeaders, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";

/** The same rule as src/cli/server.mjs, which drops forwarded headers without it. */
function trustProxy(): boolean {
  return /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? "");
}

export function requestIsHttps(request: Request): boolean {
  return servedOverHttps(request.url, request.headers.get("x-forwarded-proto"), trustProxy());
}

/** The HSTS header for a page answer, when the request came over https. */
export function pageTransportHeaders(request: Request): Record<string, string> {
  return requestIsHttps(request) ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY } : {};
}

/**
 * Puts the API headers (no-store, HSTS over https) on a route handler's
 * answer, whatever produced it (tRPC, the REST API, a refusal, a 503).
 */
export function withApiHeaders(request: Request, response: Response): Response {
  const headers = apiResponseHeaders(requestIsHttps(request));
  let out = response;
  try {
    for (const [key, value] of Object.entries(headers)) out.headers.set(key, value);
  } catch {
    // Headers of a fetched Response are immutable: copy it.
    out = new Response(response.body, response);
    for (const [key, value] of Object.entries(headers)) out.headers.set(key, value);
  }
  return out;
}
