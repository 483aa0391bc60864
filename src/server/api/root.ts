import { accountRouter } from "./routers/account";
import { apiTokensRouter } from "./routers/api-tokens";
import { areasRouter } from "./routers/areas";
import { calendarRouter } from "./routers/calendar";
import { calendarAuditRouter } from "./routers/calendar-audit";
import { capacityRouter } from "./routers/capacity";
import { delegationRouter } from "./routers/delegation";
import { energyRouter } from "./routers/energy";
import { handoversRouter } from "./routers/handovers";
import { homeRouter } from "./routers/home";
import { inboxRouter } from "./routers/inbox";
import { integrationsRouter } from "./routers/integrations";
import { membersRouter } from "./routers/members";
import { oneOnOnesRouter } from "./routers/one-on-ones";
import { peopleRouter } from "./routers/people";
import { targetsRouter } from "./routers/targets";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/** Every router of the app. Each new procedure also gets its row in the role matrix (src/test/roles/). */
export const appRouter = createTRPCRouter({
  account: accountRouter,
  people: peopleRouter,
  areas: areasRouter,
  targets: targetsRouter,
  apiTokens: apiTokensRouter,
  calendar: calendarRouter,
  delegation: delegationRouter,
  oneOnOnes: oneOnOnesRouter,
  energy: energyRouter,
  capacity: capacityRouter,
  calendarAudit: calendarAuditRouter,
  home: homeRouter,
  members: membersRouter,
  handovers: handoversRouter,
  inbox: inboxRouter,
  integrations: integrationsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
