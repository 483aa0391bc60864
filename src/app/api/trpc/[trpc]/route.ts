import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { appHosts, crossSiteRefusal } from "@/lib/cross-site";
import { RETRY_AFTER_SECONDS } from "@/server/db/unavailable";
import { withApiHeaders } from "@/server/http/response-headers";
import { limitTrpcRequest } from "@/server/api/trpc-request-limits";
import { MAX_BATCH_CALLS } from "@/lib/request-limits";

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
  // Too many calls, or too large a body, is refused before anything is parsed (README, "Limits").
  const limited = await limitTrpcRequest(req, "/api/trpc");
  if (limited instanceof Response) return limited;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limited,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
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
