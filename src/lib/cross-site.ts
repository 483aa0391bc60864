/**
 * Whether a state-changing request may have come from another site, and must
 * be refused. Session cookies are SameSite=Lax, which already keeps them off
 * cross-site POSTs; this is the second lock: browsers send Origin and
 * Sec-Fetch-Site on such requests, and the "simple" content types (text/plain,
 * form-encoded, multipart) are the ones a foreign page can send without a CORS
 * preflight, so a mutation must be JSON.
 */
export type RequestFacts = {
  method: string;
  /** The hosts this app answers as: the Host header, x-forwarded-host behind a trusted proxy, AUTH_URL's host. */
  hosts: (string | null | undefined)[];
  origin: string | null;
  secFetchSite: string | null;
  contentType: string | null;
};

export type Refusal = { status: 403 | 415; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function crossSiteRefusal({ method, hosts, origin, secFetchSite, contentType }: RequestFacts): Refusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (secFetchSite && secFetchSite !== "same-origin" && secFetchSite !== "none") return { status: 403, reason: "Cross-site requests cannot change data." };
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || !hosts.includes(originHost)) return { status: 403, reason: "Requests from another origin cannot change data." };
  }
  if (!contentType || !/^application\/json\s*(;|$)/i.test(contentType)) return { status: 415, reason: "Send changes as application/json." };
  return null;
}
