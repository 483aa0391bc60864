import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { wireFormat } from "@/lib/wire-format";

/** One factory for the browser's query client and each server request's. */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data prefetched on the server is fresh for a moment: no refetch on hydrate.
        staleTime: 30 * 1000,
        retry: (failureCount, error) => {
          const code = (error as { data?: { code?: string } }).data?.code;
          if (code === "UNAUTHORIZED" || code === "NOT_FOUND" || code === "BAD_REQUEST") return false;
          return failureCount < 2;
        },
      },
      dehydrate: {
        serializeData: wireFormat.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: wireFormat.deserialize },
    },
  });
}
