import { accountRouter } from "./routers/account";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/** Every router of the app. Each new one also gets its cases in src/test/isolation.test.ts. */
export const appRouter = createTRPCRouter({
  account: accountRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
