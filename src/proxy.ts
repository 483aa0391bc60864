import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/server/auth/config";
import { REQUEST_PATH_HEADER } from "@/server/auth/require-session-header";
import { appHosts, pageWriteRefusal } from "@/lib/cross-site";
import { contentSecurityPolicy, LOCKED_DOWN_CSP } from "@/lib/security-headers";
import { pageTransportHeaders } from "@/server/http/response-headers";

// Runs before every page request (not API routes or static files): refuses a
// server action posted from another site (403), sets the
// Content-Security-Policy with a fresh nonce, and sends visitors without a
// session cookie to sign-in. The database check of the session happens in the
// page itself (requireSession) and in the tRPC context; the proxy stays light.

const { auth } = NextAuth(authConfig);

// An invitation link opens for anyone holding it: its page offers to create the account.
const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/invite"];

function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

const dev = process.env.NODE_ENV !== "production";

const pageProxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (!request.auth && !isPublicPage(pathname)) {
    const signIn = new URL("/sign-in", request.nextUrl);
    if (pathname !== "/" || search) signIn.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(signIn);
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, dev);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
});

export default async function proxy(request: NextRequest, event: Parameters<typeof pageProxy>[1]) {
  const refusal = pageWriteRefusal({
    method: request.method,
    hosts: appHosts(request.headers, process.env.AUTH_URL),
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
  });
  if (refusal) {
    return new NextResponse(refusal.reason, {
      status: refusal.status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "content-security-policy": LOCKED_DOWN_CSP },
    });
  }
  const response = (await pageProxy(request, event)) ?? NextResponse.next();
  if (!response.headers.has("content-security-policy")) {
    response.headers.set("content-security-policy", LOCKED_DOWN_CSP);
  }
  for (const [key, value] of Object.entries(pageTransportHeaders(request))) response.headers.set(key, value);
  return response;
}

export const config = {
  // API routes check their own credentials (and answer 401 rather than
  // redirect), and get their locked-down CSP from next.config.mjs: leaving them
  // out spares every API call a pass through the proxy.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
