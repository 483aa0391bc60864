import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { appHosts, crossSiteRefusal } from "@/lib/cross-site";
import { RETRY_AFTER_SECONDS } from "@/server/db/unavailable";
import { withApiHeaders } from "@/server/http/response-headers";

async function handler(req: Request) {
  // Every answer (data, errors, refusals) is private: no-store, and HSTS over https.
  return withApiHeaders(req, await answer(req));
}

function answer(req: Request): Response | Promise<Response> {
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
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: createRequestContext,
    responseMeta({ errors }) {
      // While the database is down (503), say when to try again.
      if (errors.some((e) => e.code === "SERVICE_UNAVAILABLE")) return { headers: { "retry-after": String(RETRY_AFTER_SECONDS) } };
      return {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
