import { idInput } from "@/lib/validators/common";
import { createApiTokenInput } from "@/lib/validators/api-tokens";
import { listApiTokens } from "../../services/account/api-tokens.read";
import { createApiToken, revokeApiToken } from "../../services/account/api-tokens.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const apiTokensRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.actor)),
  /** The token's text is in this answer only. */
  create: protectedProcedure.input(createApiTokenInput).mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.actor, input)),
  revoke: protectedProcedure.input(idInput).mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.actor, input.id)),
});
