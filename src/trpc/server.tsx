import "server-only";
import { dehydrate, HydrationBoundary, type FetchQueryOptions, type QueryKey } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireSession } from "@/server/auth/require-session";
import { createRequestContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

/** One query client per server request, shared by every prefetch of that request. */
export const getQueryClient = cache(makeQueryClient);

const getContext = cache(createRequestContext);

/** For server components: `prefetch(trpc.x.y.queryOptions())`, then render inside <HydrateClient>. */
export const trpc = createTRPCOptionsProxy({
  ctx: getContext,
  router: appRouter,
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/**
 * Fetches a page's main record: a missing or another user's row shows the 404
 * page, a session that ended sends the user to sign-in, anything else is an error.
 */
export async function fetchOrNotFound<TData, TError, TKey extends QueryKey>(options: FetchQueryOptions<TData, TError, TData, TKey>) {
  try {
    return await getQueryClient().fetchQuery(options);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND") notFound();
    if (code === "UNAUTHORIZED") await requireSession();
    throw error;
  }
}

/** Starts a query on the server so the page's client components hydrate with its data. */
export async function prefetch<TData, TError, TKey extends QueryKey>(options: FetchQueryOptions<TData, TError, TData, TKey>) {
  await getQueryClient().prefetchQuery(options);
}
