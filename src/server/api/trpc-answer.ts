import { fetchRequestHandler, type FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_CALLS } from "@/lib/request-limits";
import { RETRY_AFTER_SECONDS } from "@/server/db/unavailable";
import { appRouter } from "./root";
import { limitTrpcRequest } from "./trpc-request-limits";
import type { Context } from "./trpc";

/**
 * A request to /api/trpc answered as the route answers it once it is let in:
 * too many calls or too large a body refused before anything is parsed
 * (README, "Limits"), then tRPC. The route (src/app/api/trpc/[trpc]/route.ts)
 * brings the real session's context; tests and benches that send what the
 * browser sends bring a signed-in actor's, and so pay the same parsing.
 */
export async function answerTrpc(req: Request, createContext: (opts: FetchCreateContextFnOptions) => Promise<Context>): Promise<Response> {
  const limited = await limitTrpcRequest(req, "/api/trpc");
  if (limited instanceof Response) return limited;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limited,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext,
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
