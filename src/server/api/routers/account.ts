import { changePasswordInput, updateProfileInput } from "@/lib/validators/account";
import { changePassword, getAccount, updateProfile } from "../../services/accounts";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.actor)),
  updateProfile: protectedProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
  /** Ends every session of the account, this one included: the client signs in again. */
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input)),
});
