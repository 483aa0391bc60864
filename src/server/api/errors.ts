import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { validationMessage, zodFieldErrors, type FieldErrors } from "@/lib/validators/field-errors";
import { CursorError } from "@/lib/keyset";
import { AppError, type AppErrorCode } from "../services/kernel/errors";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../db/unavailable";

// The one place where application errors become tRPC errors.
const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

export function toTRPCError(error: unknown): TRPCError {
  // tRPC's own input check throws BAD_REQUEST with zod's JSON list of issues as its message: say it in sentences.
  if (error instanceof TRPCError && error.code === "BAD_REQUEST" && error.cause instanceof ZodError) {
    return new TRPCError({ code: "BAD_REQUEST", message: validationMessage(error.cause), cause: error.cause });
  }
  if (error instanceof TRPCError) return error;
  if (error instanceof AppError) {
    return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
  }
  if (error instanceof ZodError) {
    return new TRPCError({ code: "BAD_REQUEST", message: validationMessage(error), cause: error });
  }
  if (error instanceof CursorError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  }
  if (isDatabaseUnavailable(error)) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause: error });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong.", cause: error });
}

/**
 * The HTTP status of an error, for route handlers outside tRPC (the REST API):
 * through the same code map as tRPC's answers, so a NOT_FOUND is a 404 on both.
 */
export function httpStatusOf(error: unknown): number {
  return getHTTPStatusCodeFromError(toTRPCError(error));
}

/** Field messages to send with an error, from whichever error type carried them. */
export function fieldErrorsOf(error: TRPCError): FieldErrors | null {
  const cause = error.cause;
  if (cause instanceof AppError) return cause.fieldErrors ?? null;
  if (cause instanceof ZodError) return zodFieldErrors(cause);
  return null;
}
