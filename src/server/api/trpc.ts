/**
 * tRPC's wiring: the request context, the error shape clients see, and the
 * two procedure tiers every router builds on.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { wireFormat } from "@/lib/wire-format";
import type { Db } from "../db/types";
import { asBulk, bulkWorkStarting, forPerson } from "../event-loop/give-way";
import type { Actor } from "../services/kernel/actor";
import { fieldErrorsOf, toTRPCError } from "./errors";

export type Context = {
  db: Db;
  /** The signed-in user, or null; resolved (and the session checked) before any procedure runs. */
  actor: Actor | null;
  /** The request's origin (scheme, host, port), for links the app hands out (invitations); absent outside a request. */
  origin?: string;
};

/**
 * Procedure metadata. `access` is read by the role matrix
 * (src/test/roles.int.test.ts), which insists that a protected procedure
 * answers UNAUTHORIZED without a session. `work: "bulk"` marks the imports
 * and exports: they give way to every other request (give-way.ts).
 */
export type Meta = { access: "public" | "protected"; work?: "bulk" };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: wireFormat,
    errorFormatter({ shape, error }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        // Never show a stack or a driver's message to a user.
        message: internal ? "Something went wrong. Please try again." : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: fieldErrorsOf(error),
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Services throw AppError; clients see it as the matching tRPC code. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  // tRPC wraps anything thrown by a resolver as INTERNAL_SERVER_ERROR with the
  // original as its cause (an AppError or ZodError gets its proper code); its own
  // input check, which runs after this middleware, refuses with zod's issues as
  // JSON (toTRPCError says them in sentences). Any other error goes on as it is.
  const { error } = result;
  const mapped = toTRPCError(error.code === "INTERNAL_SERVER_ERROR" && error.cause ? error.cause : error);
  if (mapped !== error) throw mapped;
  return result;
});

/**
 * A person's request is counted while it runs, and bulk work pauses for it;
 * bulk procedures are not counted (two imports do not wait for each other)
 * and run as bulk work.
 */
const peopleFirst = t.middleware(({ ctx, meta, next }) =>
  meta?.work === "bulk" ? asBulk(bulkWorkStarting(ctx.db), next) : forPerson(next),
);

export const publicProcedure = t.procedure.meta({ access: "public" }).use(peopleFirst).use(mapErrors);

export const protectedProcedure = t.procedure
  .meta({ access: "protected" })
  .use(peopleFirst)
  .use(mapErrors)
  .use(({ ctx, next }) => {
    if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    return next({ ctx: { ...ctx, actor: ctx.actor } });
  });

/** Imports and exports: protected, and giving way to people's requests while they run. */
export const bulkProcedure = protectedProcedure.meta({ access: "protected", work: "bulk" });
