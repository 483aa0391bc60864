"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, loggerLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { wireFormat } from "@/lib/wire-format";
import type { AppRouter } from "@/server/api/root";
import { MAX_BATCH_CALLS, sentAlone } from "@/lib/request-limits";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: { userId: string; client: QueryClient } | undefined;

/**
 * On the server, a new client per request; in the browser, one per signed-in
 * user, so that after signing out and in as someone else nothing cached for
 * the first user can show.
 */
function getQueryClient(userId: string) {
  if (typeof window === "undefined") return makeQueryClient();
  if (browserQueryClient?.userId !== userId) {
    browserQueryClient?.client.clear();
    browserQueryClient = { userId, client: makeQueryClient() };
  }
  return browserQueryClient.client;
}

export function TRPCReactProvider({ userId, children }: { userId: string; children: React.ReactNode }) {
  const queryClient = getQueryClient(userId);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({
          enabled: (op) => process.env.NODE_ENV === "development" || (op.direction === "down" && op.result instanceof Error),
        }),
        // The server refuses larger batches, and gives uploads their larger body limit only when they come alone.
        splitLink({
          condition: (op) => sentAlone(op.path),
          true: httpLink({ url: "/api/trpc", transformer: wireFormat }),
          false: httpBatchLink({ url: "/api/trpc", transformer: wireFormat, maxItems: MAX_BATCH_CALLS }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
