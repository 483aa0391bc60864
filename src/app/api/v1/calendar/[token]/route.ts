import { unavailableOrThrow } from "@/server/api/rest/push-check-in";
import { FEED_CACHE_CONTROL, serveCalendarFeed } from "@/server/api/rest/calendar-feed";
import { getDb } from "@/server/db";
import { withApiHeaders } from "@/server/http/response-headers";

export const dynamic = "force-dynamic";

/** A member's private calendar feed, `/api/v1/calendar/<token>.ics`; see src/server/api/rest/calendar-feed.ts. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let response: Response;
  try {
    response = await serveCalendarFeed(await getDb(), request, token);
  } catch (error) {
    response = unavailableOrThrow(error);
  }
  const out = withApiHeaders(request, response);
  // The API's headers say no-store; a feed that was served may be kept a few minutes by the client that asked.
  if (out.status === 200) out.headers.set("cache-control", FEED_CACHE_CONTROL);
  return out;
}
