import type { FieldErrors } from "@/lib/validators/field-errors";

/**
 * The one error type services throw. `src/server/api/trpc.ts` maps it to a
 * tRPC code; route handlers map it to an HTTP status. Any other error reaching
 * a client is a bug and is shown as a generic message.
 */
export type { FieldErrors };

export type AppErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Messages to show next to form fields, keyed by the input's field name. */
  readonly fieldErrors?: FieldErrors;

  constructor(code: AppErrorCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

/** Another user's row and a row that does not exist look the same. */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found.`);
}

export function fieldError(code: AppErrorCode, field: string, message: string): AppError {
  return new AppError(code, message, { [field]: message });
}
