import { getDatabase } from "@/server/db";
import { withApiHeaders } from "@/server/http/response-headers";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function GET(request: Request) {
  return withApiHeaders(request, await health());
}

async function health(): Promise<Response> {
  try {
    const database = await getDatabase();
    await database.ping();
    return Response.json({ status: "ok", database: "reachable", driver: database.driver });
  } catch (error) {
    // The driver's message (host, port) goes to the log, not to anonymous callers.
    console.error("Health check: the database did not answer:", error instanceof Error ? error.message : error);
    return Response.json(
      { status: "unavailable", database: "unreachable", error: "The database did not answer. Try again shortly." },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
    );
  }
}
