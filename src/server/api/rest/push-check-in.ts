import type { Db } from "../../db/types";
import { authenticateApiToken } from "../../services/account/api-tokens.write";
import { AppError } from "../../services/kernel/errors";
import { addCheckIn } from "../../services/targets/metrics.write";
import { id } from "@/lib/validators/common";
import { zodFieldErrors } from "@/lib/validators/field-errors";
import { checkInFields } from "@/lib/validators/targets";
import { httpStatusOf } from "../errors";
import { FixedWindowLimiter } from "@/lib/fixed-window-limiter";
import { tokenRequestsPerMinute } from "./token-allowance";
import { BODY_LIMITS } from "@/lib/request-limits";
import { bodyTooLargeMessage, readBodyWithin } from "../body-limit";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../../db/unavailable";

/** The body: the check-in fields of the app's `targets.addCheckIn`, nothing else (the metric is in the path). */
const checkInBody = checkInFields.strict();
const metricIdField = id();

function problem(status: number, error: string, fields?: Record<string, string>, headers: Record<string, string> = {}) {
  return Response.json({ error, ...(fields ? { fields } : {}) }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/**
 * Requests per token and minute, counted in this process. Per instance on
 * purpose: a shared count would write the token's row on every request (the
 * write the last-used time is kept to the minute to avoid) and make it a hot
 * row; with N instances a token gets at most N × the allowance, still a bound
 * for a runaway script. See the README's security section.
 */
export const tokenRequests = new FixedWindowLimiter(tokenRequestsPerMinute(), 60_000);

/** 503 with Retry-After while the database is unreachable; any other error is a real fault and goes up. */
export function unavailableOrThrow(error: unknown): Response {
  if (!isDatabaseUnavailable(error)) throw error;
  return problem(503, DATABASE_UNAVAILABLE_MESSAGE, undefined, { "retry-after": String(RETRY_AFTER_SECONDS) });
}

/**
 * POST /api/v1/metrics/{metricId}/check-ins with `Authorization: Bearer <token>`
 * and JSON {"value": number, "at"?: ISO time, "note"?: string}: stores a
 * check-in through the same service as the app. 201 with the check-in.
 */
export async function pushCheckIn(db: Db, request: Request, metricId: string, limiter = tokenRequests): Promise<Response> {
  const header = request.headers.get("authorization") ?? "";
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) return problem(401, "Send a personal API token as `Authorization: Bearer <token>`.");
  const auth = await authenticateApiToken(db, token);
  if (!auth.ok) {
    return problem(
      401,
      auth.reason === "expired"
        ? "This token has expired: create a new one in Account settings."
        : "This token is not valid or has been revoked.",
    );
  }
  const { actor } = auth;
  const verdict = limiter.hit(auth.tokenId);
  if (!verdict.allowed) {
    return problem(429, `This token may make ${limiter.limit} requests a minute: try again in ${verdict.retryAfterSeconds} s.`, undefined, {
      "retry-after": String(verdict.retryAfterSeconds),
    });
  }

  if (!metricIdField.safeParse(metricId).success) return problem(404, "Metric not found.");
  // Counted while it arrives: a body past the limit is neither read whole nor parsed.
  const raw = await readBodyWithin(request, BODY_LIMITS.rest);
  if (!raw.ok) return problem(413, bodyTooLargeMessage(raw.limit));
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(raw.bytes));
  } catch {
    return problem(400, 'The body must be JSON like {"value": 99.95}.');
  }
  const parsed = checkInBody.safeParse(body);
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    return problem(400, Object.values(fields)[0] ?? "Invalid body.", fields);
  }
  try {
    const row = await addCheckIn(db, actor, { metricId, ...parsed.data });
    return Response.json(
      { id: row.id, metricId: row.metricId, value: row.value, at: row.at.toISOString(), note: row.note },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof AppError) return problem(httpStatusOf(error), error.message, error.fieldErrors);
    throw error;
  }
}
