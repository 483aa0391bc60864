/**
 * Whether a state-changing request may have come from another site, and must
 * be refused. Session cookies are SameSite=Lax, which already keeps them off
 * cross-site POSTs; this is the second lock: browsers send Origin and
 * Sec-Fetch-Site on such requests, and the "simple" content types (text/plain,
 * form-encoded, multipart) are the ones a foreign page can send without a CORS
 * preflight, so a mutation must be JSON (or an upload's bytes as
 * application/octet-stream, the account import's file: not a simple type either).
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

export function crossSiteRefusal(facts: RequestFacts): Refusal | null {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  const foreign = foreignOrigin(facts);
  if (foreign) return foreign;
  if (!facts.contentType || !/^application\/(json|octet-stream)\s*(;|$)/i.test(facts.contentType))
    return { status: 415, reason: "Send changes as application/json (a file as application/octet-stream)." };
  return null;
}

/**
 * For pages: a POST to a page is a Next.js server action (sign-in, sign-up,
 * sign-out: with a `Next-Action` header, or a form field when scripts are off).
 * Next refuses one from another origin by throwing, which answered 500; this
 * answers 403 before Next handles it. Server actions post text/plain or
 * multipart bodies, so there is no content-type rule here.
 */
export function pageWriteRefusal(facts: Omit<RequestFacts, "contentType">): Refusal | null {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  return foreignOrigin(facts);
}

/** The hosts a request may come from: its Host, x-forwarded-host (behind a proxy) and the configured public URL's host. */
export function appHosts(headers: Headers, publicUrl: string | undefined): (string | null)[] {
  let publicHost: string | null = null;
  try {
    publicHost = publicUrl ? new URL(publicUrl).host : null;
  } catch {
    publicHost = null;
  }
  return [headers.get("host"), headers.get("x-forwarded-host"), publicHost];
}

function foreignOrigin({ hosts, origin, secFetchSite }: Omit<RequestFacts, "contentType" | "method">): Refusal | null {
  if (secFetchSite && secFetchSite !== "same-origin" && secFetchSite !== "none")
    return { status: 403, reason: "Cross-site requests cannot change data." };
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || !hosts.includes(originHost)) return { status: 403, reason: "Requests from another origin cannot change data." };
  }
  return null;
}
