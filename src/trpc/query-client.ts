import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { wireFormat } from "@/lib/wire-format";

const REFUSALS = new Set(["UNAUTHORIZED", "NOT_FOUND", "BAD_REQUEST"]);

/**
 * Retries a failed query twice (a dropped connection, a restart), but never one the server
 * refused: asking again gets the same answer, a second later. The code is on `data` for a
 * TRPCClientError in the browser and on the error itself for the TRPCError the server-side
 * caller throws (a page's prefetch): reading only the first, a missing target's page waited
 * out two retries (1 s, then 2 s) before its 404.
 */
export function retryUnlessRefused(failureCount: number, error: unknown): boolean {
  const refused = error as { code?: unknown; data?: { code?: unknown } | null } | null;
  const code = refused?.data?.code ?? refused?.code;
  if (typeof code === "string" && REFUSALS.has(code)) return false;
  return failureCount < 2;
}

/** One factory for the browser's query client and each server request's. */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data prefetched on the server is fresh for a moment: no refetch on hydrate.
        staleTime: 30 * 1000,
        retry: retryUnlessRefused,
      },
      dehydrate: {
        serializeData: wireFormat.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: wireFormat.deserialize },
    },
  });
}
