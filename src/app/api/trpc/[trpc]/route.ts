import { createRequestContext } from "@/server/api/context";
import { answerTrpc } from "@/server/api/trpc-answer";
import { appHosts, crossSiteRefusal } from "@/lib/cross-site";
import { withApiHeaders } from "@/server/http/response-headers";

async function handler(req: Request) {
  // Every answer (data, errors, refusals) is private: no-store, and HSTS over https.
  return withApiHeaders(req, await answer(req));
}

async function answer(req: Request): Promise<Response> {
  // Mutations from another site, or in a content type a foreign form can send, change nothing.
  const refusal = crossSiteRefusal({
    method: req.method,
    // AUTH_URL's host too, when the app runs behind a proxy that rewrites Host.
    hosts: appHosts(req.headers, process.env.AUTH_URL),
    origin: req.headers.get("origin"),
    secFetchSite: req.headers.get("sec-fetch-site"),
    contentType: req.headers.get("content-type"),
  });
  if (refusal) return Response.json({ error: { message: refusal.reason } }, { status: refusal.status });
  return answerTrpc(req, createRequestContext);
}

export { handler as GET, handler as POST };
