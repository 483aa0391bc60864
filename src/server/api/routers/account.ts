import type { OctetInput, UtilityParser } from "@trpc/server/http";
import { z } from "zod";
import { changePasswordInput, deleteAccountInput, exportInput, updateProfileInput } from "@/lib/validators/account";
import { exportAccount } from "../../services/account/export.read";
import { importAccount } from "../../services/account/import.write";
import { bytesOf, parseImportFile } from "../../services/account/import-file.parse";
import { getAccount } from "../../services/account/accounts.read";
import { changePassword, deleteAccount, updateProfile } from "../../services/account/accounts.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const parsedFile = z.object({ file: z.unknown() });

/** The import's input: the file as uploaded (application/octet-stream, a stream here), or `{ file }` already parsed. */
const importInput: UtilityParser<OctetInput | z.input<typeof parsedFile>, ReadableStream<Uint8Array> | z.output<typeof parsedFile>> = {
  _input: null as never,
  _output: null as never,
  parse: (input) => (input instanceof ReadableStream ? (input as ReadableStream<Uint8Array>) : parsedFile.parse(input)),
};

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.actor)),
  updateProfile: protectedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
  /** Ends every session of the account, this one included: the client signs in again. */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input)),
  /** Everything the account owns as one versioned JSON document (see README, "Your data"). */
  export: protectedProcedure.input(exportInput).query(({ ctx, input }) => exportAccount(ctx.db, ctx.actor, input)),
  /**
   * Loads an export into this (empty) account; the file is checked by the
   * service. The browser sends the file's bytes as they are (parsed off the
   * event loop: import-file.parse.ts); a caller in the process may pass it parsed.
   */
  import: protectedProcedure
    .input(importInput)
    .mutation(async ({ ctx, input }) =>
      importAccount(ctx.db, ctx.actor, input instanceof ReadableStream ? await parseImportFile(await bytesOf(input)) : input.file),
    ),
  /** Deletes the account and every row it owns; the client signs out. */
  delete: protectedProcedure.input(deleteAccountInput).mutation(({ ctx, input }) => deleteAccount(ctx.db, ctx.actor, input)),
});
