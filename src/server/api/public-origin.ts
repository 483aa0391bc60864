/**
 * The app's public origin, for links it hands out (invitations, the calendar
 * feed's URL and its events' links): AUTH_URL when set, else the origin the
 * browser used, else the development server.
 */
export function publicOrigin(fromRequest: string | undefined): string {
  const configured = process.env.AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // An unparsable AUTH_URL is the operator's to fix; the request's origin still makes a working link.
    }
  }
  return fromRequest ?? "http://localhost:3000";
}

/** The origin the browser used (x-forwarded-host/proto behind a proxy), for links such as invitations. */
export function requestOrigin(req: Request | undefined): string | undefined {
  if (!req) return undefined;
  try {
    const url = new URL(req.url);
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
    const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(/:$/, "");
    return `${proto}://${host}`;
  } catch {
    return undefined;
  }
}
