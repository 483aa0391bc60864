import type { Db } from "../../db/types";
import { authenticateCalendarFeed } from "../../services/account/calendar-feed.write";
import { calendarFeedFor } from "../../services/one-on-ones/calendar-feed.read";
import { FixedWindowLimiter } from "@/lib/fixed-window-limiter";
import { publicOrigin, requestOrigin } from "../public-origin";
import { tokenRequestsPerMinute } from "./token-allowance";

/**
 * Fetches per feed and minute, counted in this process: the REST API's
 * allowance (token-allowance.ts). Calendar clients fetch every hour or so;
 * this only stops a runaway script.
 */
export const feedRequests = new FixedWindowLimiter(tokenRequestsPerMinute(), 60_000);

/** Clients may reuse an answer for five minutes; `private`: no shared cache keeps a member's 1:1s. */
export const FEED_CACHE_CONTROL = "private, max-age=300";

function plain(status: number, text: string, headers: Record<string, string> = {}) {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
}

/**
 * GET /api/v1/calendar/{token}.ics: the member's 1:1s as text/calendar. The
 * token in the path is the whole credential (calendar clients send no
 * headers): unknown, regenerated and revoked tokens all answer the same 404.
 */
export async function serveCalendarFeed(db: Db, request: Request, pathToken: string, limiter = feedRequests): Promise<Response> {
  const token = pathToken.endsWith(".ics") ? pathToken.slice(0, -".ics".length) : pathToken;
  const feed = await authenticateCalendarFeed(db, token);
  if (!feed) return plain(404, "Calendar feed not found.");
  const verdict = limiter.hit(feed.feedId);
  if (!verdict.allowed) {
    return plain(429, `This feed may be fetched ${limiter.limit} times a minute: try again in ${verdict.retryAfterSeconds} s.`, {
      "retry-after": String(verdict.retryAfterSeconds),
    });
  }
  const text = await calendarFeedFor(db, feed.actor, { origin: publicOrigin(requestOrigin(request)) });
  return new Response(text, {
    status: 200,
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": FEED_CACHE_CONTROL,
      "content-disposition": 'inline; filename="intersect-1on1s.ics"',
    },
  });
}
