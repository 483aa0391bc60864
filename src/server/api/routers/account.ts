import type { OctetInput } from "@trpc/server/http";
import { z } from "zod";
import { changePasswordInput, deleteAccountInput, exportInput, updateProfileInput } from "@/lib/validators/account";
import { exportAccount } from "../../services/account/export.read";
import { importAccount } from "../../services/account/import.write";
import { bytesOf, parseImportFile } from "../../services/account/import-file.parse";
import { getAccount } from "../../services/account/accounts.read";
import { changePassword, deleteAccount, updateProfile } from "../../services/account/accounts.write";
import { bulkProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

/**
 * The import's input: the file as uploaded (application/octet-stream: the client passes a Blob,
 * tRPC hands the procedure the body's stream), or `{ file }` already parsed. A zod schema, so the
 * tests that walk every procedure's input see it like the others.
 */
const uploadedFile = z
  .custom<OctetInput>((value) => value instanceof ReadableStream, "Send the file as its bytes.")
  .transform((value) => value as unknown as ReadableStream<Uint8Array>);
const importInput = z.union([uploadedFile, z.object({ file: z.unknown() })]);

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.actor)),
  updateProfile: protectedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
  /** Ends every session of the account, this one included: the client signs in again. */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input)),
  /** Everything the account owns as one versioned JSON document (see README, "Your data"). */
  export: bulkProcedure.input(exportInput).query(({ ctx, input }) => exportAccount(ctx.db, ctx.actor, input)),
  /**
   * Loads an export into this (empty) account; the file is checked by the
   * service. The browser sends the file's bytes as they are (parsed off the
   * event loop: import-file.parse.ts); a caller in the process may pass it parsed.
   */
  import: bulkProcedure
    .input(importInput)
    .mutation(async ({ ctx, input }) =>
      importAccount(ctx.db, ctx.actor, input instanceof ReadableStream ? await parseImportFile(await bytesOf(input)) : input.file),
    ),
  /** Deletes the account and every row it owns; the client signs out. */
  delete: protectedProcedure.input(deleteAccountInput).mutation(({ ctx, input }) => deleteAccount(ctx.db, ctx.actor, input)),
});
