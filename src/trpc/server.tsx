import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { cache } from "react";
import { createRequestContext } from "@/server/api/context";
import { appRouter, createCaller } from "@/server/api/root";
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

/** Calls a procedure directly from a server component, with this request's session. */
export async function serverCaller() {
  return createCaller(await getContext());
}

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/** Starts a query on the server so the page's client components hydrate with its data. */
export async function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(options: T) {
  await getQueryClient().prefetchQuery(options as any);
}
