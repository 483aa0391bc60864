import { getDatabase } from "@/server/db";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    const database = await getDatabase();
    await database.ping();
    return Response.json({ status: "ok", database: "reachable", driver: database.driver });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Response.json(
      { status: "unavailable", database: "unreachable", error: `The database did not answer: ${reason}` },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
    );
  }
}
