import { pushCheckIn, unavailableOrThrow } from "@/server/api/rest/push-check-in";
import { getDb } from "@/server/db";
import { withApiHeaders } from "@/server/http/response-headers";

export const dynamic = "force-dynamic";

/** The REST endpoint for monitoring and CI; see src/server/api/rest/push-check-in.ts. */
export async function POST(request: Request, { params }: { params: Promise<{ metricId: string }> }) {
  const { metricId } = await params;
  let response: Response;
  try {
    response = await pushCheckIn(await getDb(), request, metricId);
  } catch (error) {
    response = unavailableOrThrow(error);
  }
  return withApiHeaders(request, response);
}
