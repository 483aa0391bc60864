import { z } from "zod";
import { changePasswordInput, deleteAccountInput, exportInput, updateProfileInput } from "@/lib/validators/account";
import { exportAccount } from "../../services/account/export.read";
import { importAccount } from "../../services/account/import.write";
import { getAccount } from "../../services/account/accounts.read";
import { changePassword, deleteAccount, updateProfile } from "../../services/account/accounts.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.actor)),
  updateProfile: protectedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
  /** Ends every session of the account, this one included: the client signs in again. */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input)),
  /** Everything the account owns as one versioned JSON document (see README, "Your data"). */
  export: protectedProcedure.input(exportInput).query(({ ctx, input }) => exportAccount(ctx.db, ctx.actor, input)),
  /** Loads an export into this (empty) account; the file is checked by the service. */
  import: protectedProcedure
    .input(z.object({ file: z.unknown() }))
    .mutation(({ ctx, input }) => importAccount(ctx.db, ctx.actor, input.file)),
  /** Deletes the account and every row it owns; the client signs out. */
  delete: protectedProcedure.input(deleteAccountInput).mutation(({ ctx, input }) => deleteAccount(ctx.db, ctx.actor, input)),
});
